package cn.org.kczg.teams.kit.outbox;

import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.kit.resilience.Backoff;
import cn.org.kczg.teams.kit.resilience.TransientFailures;
import cn.org.kczg.teams.kit.tracing.Traceparent;
import cn.org.kczg.teams.platform.kafka.KafkaClientConfig;
import cn.org.kczg.teams.platform.privacy.LogSafe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in id order with an idempotent, {@code acks=all} producer and marks them sent
 * only after the broker acknowledged them. Runs on one thread, woken right after a commit
 * ({@link #nudge}) and every sweep interval.
 *
 * <p>With several instances of a service, each batch is taken under a transaction-scoped advisory lock
 * and {@code FOR UPDATE SKIP LOCKED}: one instance publishes at a time, so a later event of an
 * aggregate can never overtake an earlier one, and nobody waits on locked rows.
 *
 * <p>While the broker is away the relay backs off (doubling to 30 s) and says so once. Every wait on the broker
 * is bounded well inside the batch's transaction timeout ({@code max.block.ms}, {@code delivery.timeout.ms}),
 * so a batch that was sent is always marked sent in the same transaction — never published twice because its
 * transaction timed out. A row the broker can never take ({@link UnsendableRecords}) is parked with its reason
 * and the rows behind it flow on.
 *
 * <p>Each record continues the trace of the span that appended its row: a short producer span (send to
 * acknowledgement), child of the row's {@code traceparent}, whose own traceparent goes in the record's
 * {@code traceparent} header for the consumers. Every acknowledged record counts in
 * {@code kczg_events_published_total{type}}.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH_TRANSACTION_TIMEOUT_SECONDS = 120;
    private static final Duration DATABASE_POLL = Duration.ofSeconds(1);
    private static final String BATCH_SQL = """
            select id, topic, aggregate_id, event_type, envelope, traceparent from outbox_event
            where sent_at is null and parked_at is null order by id limit :limit for update skip locked""";

    @Inject
    OutboxConfig config;
    @Inject
    OutboxStats stats;
    @Inject
    EntityManager em;
    @Inject
    Config mpConfig;
    @Inject
    Tracer tracer;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.application.name")
    String producerName;

    private final Semaphore wakeUp = new Semaphore(0);
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent event) {
        Properties props = KafkaClientConfig.producer(mpConfig);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, producerName + "-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // all far below the batch transaction's timeout: metadata 5 s, each record at most 15 s
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(20));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to publish now rather than at the next sweep. */
    public void nudge() {
        wakeUp.release();
    }

    private void loop() {
        long lastPurge = 0;
        int failures = 0;
        boolean databaseAway = false;
        Instant failingSince = null;
        while (running) {
            try {
                Duration wait = failures == 0 ? config.sweepInterval()
                        : databaseAway ? DATABASE_POLL : backoff.after(failures);
                if (failures == 0) {
                    wakeUp.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    // backing off: nudges do not cut the wait short, only stopping does
                    long until = System.nanoTime() + wait.toNanos();
                    while (running && System.nanoTime() < until) {
                        wakeUp.tryAcquire(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    }
                }
                wakeUp.drainPermits();
                Round round;
                do {
                    round = publishBatch();
                } while (running && round.brokerFailure() == null && round.taken() == config.batchSize());
                if (round.brokerFailure() != null) {
                    throw round.brokerFailure();
                }
                databaseAway = false;
                if (failures > 0) {
                    LOG.infof("Outbox relay publishes again (it could not for %d s)",
                            Duration.between(failingSince, Instant.now()).toSeconds());
                    failures = 0;
                    failingSince = null;
                }
                stats.brokerReachable(null);
                stats.refresh();
                if (System.currentTimeMillis() - lastPurge > TimeUnit.HOURS.toMillis(1)) {
                    purgeSent();
                    lastPurge = System.currentTimeMillis();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the broker or the database is away: the rows stay unsent and are published once it is back
                if (failures == 0) {
                    failingSince = Instant.now();
                    LOG.warnf("Outbox relay cannot publish, backing off until it can: %s", LogSafe.describe(e));
                }
                failures++;
                // the database away: look again every second, so events flow as soon as it is back
                databaseAway = TransientFailures.isDatabaseUnavailable(e);
                if (!databaseAway) {
                    stats.brokerReachable(e);
                }
                refreshQuietly();
            }
        }
    }

    private void refreshQuietly() {
        try {
            stats.refresh();
        } catch (RuntimeException e) {
            LOG.debugf("outbox figures not refreshed: %s", e);
        }
    }

    /** What one batch did: rows taken (sent, parked or left), and the broker's failure that ended it early. */
    public record Round(int taken, RuntimeException brokerFailure) {
    }

    /** One round: publish what is unsent, oldest first. */
    public Round publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(BATCH_TRANSACTION_TIMEOUT_SECONDS).call(() -> {
            boolean mine = (Boolean) em.createNativeQuery(
                    "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'))")
                    .getSingleResult();
            if (!mine) {
                return new Round(0, null);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(BATCH_SQL).setParameter("limit", config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return new Round(0, null);
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<Span> spans = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                var record = new ProducerRecord<String, String>((String) row[1], (String) row[2], (String) row[4]);
                record.headers().add(Topics.TYPE_HEADER, ((String) row[3]).getBytes(StandardCharsets.UTF_8));
                Span span = producerSpan(row);
                String traceparent = Traceparent.of(Context.root().with(span));
                if (traceparent != null) {
                    record.headers().add(Traceparent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
                }
                Future<RecordMetadata> ack;
                try {
                    ack = producer.send(record);
                } catch (RuntimeException e) {
                    span.recordException(e);
                    span.end();
                    spans.forEach(Span::end);
                    throw e;
                }
                acks.add(ack);
                spans.add(span);
                if (ack.isDone()) {
                    Throwable failure = failureOf(ack);
                    if (failure != null && !UnsendableRecords.isUnsendable(failure)) {
                        break; // the broker is not there (metadata timed out): do not wait max.block.ms per row
                    }
                }
            }
            producer.flush();
            for (int i = 0; i < spans.size(); i++) {
                ended(spans.get(i), failureOf(acks.get(i)));
            }
            List<Long> sent = new ArrayList<>(acks.size());
            List<String> sentTypes = new ArrayList<>(acks.size());
            RuntimeException brokerFailure = null;
            for (int i = 0; i < acks.size(); i++) {
                long id = ((Number) rows.get(i)[0]).longValue();
                Throwable failure = failureOf(acks.get(i));
                if (failure == null) {
                    sent.add(id);
                    sentTypes.add((String) rows.get(i)[3]);
                } else if (UnsendableRecords.isUnsendable(failure)) {
                    park(id, failure);
                } else {
                    // keep order: stop at the first failure; what follows is sent again (consumers are idempotent)
                    brokerFailure = new IllegalStateException("broker did not acknowledge outbox row " + id + ": "
                            + failure, failure);
                    break;
                }
            }
            if (!sent.isEmpty()) {
                em.createNativeQuery("update outbox_event set sent_at = :now where id in (:ids)")
                        .setParameter("now", Instant.now())
                        .setParameter("ids", sent)
                        .executeUpdate();
            }
            sentTypes.forEach(type -> Counter.builder("kczg.events.published").tag("type", type)
                    .description("Events the outbox relay published and the broker acknowledged").register(registry)
                    .increment());
            return new Round(rows.size(), brokerFailure);
        });
    }

    /**
     * From send to acknowledgement, in the trace of the span that appended the row (a new trace for a row appended
     * outside one).
     */
    private Span producerSpan(Object[] row) {
        String topic = (String) row[1];
        return tracer.spanBuilder(topic + " publish")
                .setParent(Traceparent.parent((String) row[5]))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", (String) row[2])
                .setAttribute("kczg.event.type", (String) row[3])
                .startSpan();
    }

    private static void ended(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.toString());
        }
        span.end();
    }

    private void park(long id, Throwable failure) {
        // the row's id and the failure's class in the log; the broker's words (never the envelope) in park_reason
        LOG.errorf("Outbox row %d parked: the broker will never take it (%s)", id, LogSafe.describe(failure));
        em.createNativeQuery("update outbox_event set parked_at = :now, park_reason = :reason where id = :id")
                .setParameter("now", Instant.now())
                .setParameter("reason", failure.toString())
                .setParameter("id", id)
                .executeUpdate();
    }

    /** The send's failure, or null once it succeeded; waits at most until the producer's own timeouts end it. */
    private static Throwable failureOf(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void purgeSent() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from outbox_event where sent_at < :before")
                .setParameter("before", Instant.now().minus(config.retention()))
                .executeUpdate());
    }
}
