package cn.org.kczg.teams.activity.ticket;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Files in a ticket's conversation. */
@ConfigMapping(prefix = "kczg.tickets")
public interface TicketAttachmentConfig {
    /**
     * The largest attachment (413 {@code file-too-large} beyond); the request limit
     * {@code quarkus.http.limits.max-body-size} must be larger.
     */
    @WithDefault("10M")
    MemorySize attachmentMaxBytes();

    /** How long an attachment no message took is kept before {@link UnlinkedAttachmentPurge} removes it. */
    @WithDefault("24h")
    Duration unlinkedAttachmentKeep();
}
