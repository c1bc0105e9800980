package cn.org.kczg.teams.activity.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Demand-hall due times, in working days from assignment. */
@ConfigMapping(prefix = "kczg.sla")
public interface SlaConfig {
    /** The team accepts (first response) within this many working days. */
    @WithDefault("2")
    int firstResponseDays();

    /** The team resolves within this many working days. */
    @WithDefault("10")
    int resolutionDays();

    /** A due time this close (wall-clock) is announced once as {@code ticket.sla-warning} to the team. */
    @WithDefault("4h")
    Duration warnBefore();

    /** How often {@link SlaWatch} looks for breaches (read by its {@code @Scheduled}). */
    @WithDefault("60s")
    String checkEvery();
}
