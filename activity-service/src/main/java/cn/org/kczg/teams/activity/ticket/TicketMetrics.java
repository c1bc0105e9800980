package cn.org.kczg.teams.activity.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The demand hall's figures for Prometheus, as last read (every {@value #REFRESH}, never on a scrape):
 * <ul>
 * <li>{@code kczg_tickets_open}: tickets a team is working on ({@link TicketStatus#open()});
 * <li>{@code kczg_tickets_overdue{due="first_response"}}: assigned and not yet accepted past their first-response
 * due time; {@code {due="resolution"}}: being worked on past their resolution due time (not while waiting on the
 * demand side, when the clock stops) — the tickets {@link SlaWatch} marks or has marked, counted by due time;
 * <li>{@code kczg_ticket_sla_breaches_total{due}}: breaches marked, once each, counted when their mark commits.
 * </ul>
 * One query on the {@code ticket_due} index (status, first_response_due, resolution_due) reads the three gauges; it
 * touches open tickets only. Every instance reports the same figures (take the max, not the sum, across instances).
 */
@ApplicationScoped
public class TicketMetrics {
    private static final Logger LOG = Logger.getLogger(TicketMetrics.class);
    static final String REFRESH = "5s";
    static final String FIRST_RESPONSE = "first_response";
    static final String RESOLUTION = "resolution";

    private static final List<String> OPEN = names(Arrays.stream(TicketStatus.values()).filter(TicketStatus::open));
    /** The statuses in which the resolution clock runs: open, except waiting on the demand side. */
    private static final List<String> RESOLVING = names(Arrays.stream(TicketStatus.values())
            .filter(s -> s.open() && s != TicketStatus.WAITING_ON_DEMAND));

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    Clock clock;

    private volatile long open;
    private volatile long firstResponseOverdue;
    private volatile long resolutionOverdue;
    private Map<String, Counter> breaches;

    void register(@Observes StartupEvent event) {
        Gauge.builder("kczg.tickets.open", this, m -> m.open)
                .description("Tickets a team is working on: assigned and not yet resolved").register(registry);
        Gauge.builder("kczg.tickets.overdue", this, m -> m.firstResponseOverdue).tag("due", FIRST_RESPONSE)
                .description("Tickets assigned and not accepted past their first-response due time").register(registry);
        Gauge.builder("kczg.tickets.overdue", this, m -> m.resolutionOverdue).tag("due", RESOLUTION)
                .description("Tickets being worked on past their resolution due time").register(registry);
        breaches = Map.of(FIRST_RESPONSE, breachCounter(FIRST_RESPONSE), RESOLUTION, breachCounter(RESOLUTION));
    }

    private Counter breachCounter(String due) {
        return Counter.builder("kczg.ticket.sla.breaches").tag("due", due)
                .description("SLA breaches marked on tickets (each once)").register(registry);
    }

    /** Reads the figures again; cheap enough to run every {@value #REFRESH} on every instance. */
    @Scheduled(every = REFRESH, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        try {
            Instant now = clock.instant();
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    select count(*),
                           count(*) filter (where status = :assigned and first_response_due < :now),
                           count(*) filter (where status in (:resolving) and resolution_due < :now)
                    from ticket where status in (:open)""")
                    .setParameter("assigned", TicketStatus.ASSIGNED.name()).setParameter("now", now)
                    .setParameter("resolving", RESOLVING).setParameter("open", OPEN).getSingleResult());
            open = ((Number) row[0]).longValue();
            firstResponseOverdue = ((Number) row[1]).longValue();
            resolutionOverdue = ((Number) row[2]).longValue();
        } catch (RuntimeException e) {
            // the figures stay as last read; readiness reports the database
            LOG.debugf("Ticket figures not read: %s", e.toString());
        }
    }

    /**
     * A breach {@link TicketService#markOverdue} marked ({@code FIRST_RESPONSE} or {@code RESOLUTION}), counted once
     * the transaction marking it commits.
     */
    void breachMarked(String kind) {
        Counter counter = breaches.get("FIRST_RESPONSE".equals(kind) ? FIRST_RESPONSE : RESOLUTION);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }

    private static List<String> names(java.util.stream.Stream<TicketStatus> statuses) {
        return statuses.map(Enum::name).toList();
    }
}
