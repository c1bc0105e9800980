package cn.org.kczg.teams.registration.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Which services must answer an erasure before its receipt is COMPLETED. */
@ConfigMapping(prefix = "kczg.personal-data.erasure")
public interface ErasureConfig {
    @WithDefault("registration-service,review-service,activity-service,evaluation-service")
    List<String> services();
}
