package cn.org.kczg.teams.activity.ticket;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Looks for breached due times; each breach is marked and announced once. */
@ApplicationScoped
public class SlaWatch {
    private static final Logger LOG = Logger.getLogger(SlaWatch.class);
    /** Breaches of each kind marked per transaction. */
    static final int SLICE = 200;

    @Inject
    TicketService tickets;

    @Scheduled(every = "${kczg.sla.check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "10s")
    void check() {
        int marked = 0;
        for (int slice = tickets.markOverdue(SLICE); slice > 0; slice = tickets.markOverdue(SLICE)) {
            marked += slice;
        }
        if (marked > 0) {
            LOG.infof("Marked %d overdue ticket due time(s)", marked);
        }
    }
}
