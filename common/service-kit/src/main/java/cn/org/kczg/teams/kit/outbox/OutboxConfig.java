package cn.org.kczg.teams.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "kczg.outbox")
public interface OutboxConfig {
    /** The topic this service publishes to, e.g. {@code registration.events}. */
    String topic();

    /** How often the relay looks for rows a nudge missed (a crash between commit and publish). */
    @WithDefault("2s")
    Duration sweepInterval();

    @WithDefault("200")
    int batchSize();

    /** Sent rows are kept this long for inspection, then purged. */
    @WithDefault("7d")
    Duration retention();
}
