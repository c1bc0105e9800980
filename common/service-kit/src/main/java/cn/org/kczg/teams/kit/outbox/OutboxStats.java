package cn.org.kczg.teams.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The outbox's figures as the relay last saw them: backlog, age of the oldest unsent event, parked rows, and
 * whether the broker took the last batch. Read by the metrics ({@code kczg_outbox_*}) and the health check,
 * never by querying the database on a scrape.
 */
@ApplicationScoped
public class OutboxStats {
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;
    @Inject
    OutboxConfig config;

    private static final long REFRESH_MILLIS = 5_000;

    private volatile long refreshedAt;
    private volatile long backlog;
    private volatile Instant oldestUnsent;
    private volatile long parked;
    private volatile List<String> parkedRows = List.of();
    private volatile String brokerFailure;
    private volatile Instant brokerFailingSince;

    void register(@Observes StartupEvent event) {
        Gauge.builder("kczg.outbox.backlog", this, s -> s.backlog).tag("topic", config.topic())
                .description("Outbox events not yet published").register(registry);
        Gauge.builder("kczg.outbox.oldest.unsent.age", this, s -> s.oldestUnsentAge().toMillis() / 1000.0)
                .tag("topic", config.topic()).baseUnit("seconds")
                .description("Age of the oldest outbox event not yet published").register(registry);
        Gauge.builder("kczg.outbox.parked", this, s -> s.parked).tag("topic", config.topic())
                .description("Outbox events the broker will never take, parked for staff").register(registry);
    }

    /**
     * Reads the figures again, at most every {@value #REFRESH_MILLIS} ms however often the relay runs (it runs after
     * every commit). Both queries use a partial index: neither touches the sent rows kept for inspection.
     */
    void refresh() {
        long now = System.currentTimeMillis();
        if (now - refreshedAt < REFRESH_MILLIS) {
            return;
        }
        refreshedAt = now;
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] pending = (Object[]) em.createNativeQuery("""
                    select count(*), min(created_at) from outbox_event where sent_at is null and parked_at is null""")
                    .getSingleResult();
            backlog = ((Number) pending[0]).longValue();
            oldestUnsent = instant(pending[1]);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select event_id, event_type, park_reason, count(*) over () from outbox_event
                    where parked_at is not null order by id desc limit 20""").getResultList();
            parkedRows = rows.stream().map(r -> r[0] + " " + r[1] + ": " + r[2]).toList();
            parked = rows.isEmpty() ? 0 : ((Number) rows.get(0)[3]).longValue();
        });
    }

    void brokerReachable(RuntimeException failure) {
        if (failure == null) {
            brokerFailure = null;
            brokerFailingSince = null;
        } else {
            if (brokerFailingSince == null) {
                brokerFailingSince = Instant.now();
            }
            brokerFailure = failure.toString();
        }
    }

    public long backlog() {
        return backlog;
    }

    public Duration oldestUnsentAge() {
        Instant oldest = oldestUnsent;
        return oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
    }

    public long parked() {
        return parked;
    }

    /** The most recent parked rows: event id, type and reason. */
    public List<String> parkedRows() {
        return parkedRows;
    }

    /** Why the relay could not publish its last batch, or null when it could. */
    public String publishingFailure() {
        return brokerFailure;
    }

    public Instant publishingFailingSince() {
        return brokerFailingSince;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
