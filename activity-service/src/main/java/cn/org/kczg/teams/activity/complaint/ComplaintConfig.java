package cn.org.kczg.teams.activity.complaint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How many complaints one client address may file per window. */
@ConfigMapping(prefix = "kczg.complaints")
public interface ComplaintConfig {
    @WithDefault("5")
    int perClient();

    @WithDefault("10m")
    Duration window();
}
