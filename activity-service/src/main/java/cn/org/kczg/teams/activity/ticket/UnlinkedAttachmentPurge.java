package cn.org.kczg.teams.activity.ticket;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Removes attachments no message took within {@code kczg.tickets.unlinked-attachment-keep}, with their files. */
@ApplicationScoped
public class UnlinkedAttachmentPurge {
    private static final Logger LOG = Logger.getLogger(UnlinkedAttachmentPurge.class);
    /** Attachments removed per transaction. */
    static final int SLICE = 200;

    @Inject
    TicketAttachments attachments;

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1m")
    void purge() {
        int purged = 0;
        for (int slice = attachments.purgeUnlinked(SLICE); slice > 0; slice = attachments.purgeUnlinked(SLICE)) {
            purged += slice;
        }
        if (purged > 0) {
            LOG.infof("Purged %d unlinked ticket attachment(s)", purged);
        }
    }
}
