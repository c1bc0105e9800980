package cn.org.kczg.teams.kit.outbox;

import cn.org.kczg.teams.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
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
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String BATCH_SQL = """
            select id, topic, aggregate_id, event_type, envelope from outbox_event
            where sent_at is null order by id limit :limit for update skip locked""";

    @Inject
    OutboxConfig config;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String producerName;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent event) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, producerName + "-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
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
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to publish now rather than at the next sweep. */
    public void nudge() {
        wakeUp.release();
    }

    private void loop() {
        long lastPurge = 0;
        while (running) {
            try {
                wakeUp.tryAcquire(config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && publishBatch() == config.batchSize()) {
                    // a full batch: there may be more waiting
                }
                if (System.currentTimeMillis() - lastPurge > TimeUnit.HOURS.toMillis(1)) {
                    purgeSent();
                    lastPurge = System.currentTimeMillis();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the broker or the database is away: the rows stay unsent and the next sweep retries
                LOG.warnf("Outbox relay could not publish: %s", e.toString());
            }
        }
    }

    /** One round: publish what is unsent, oldest first. @return how many rows it took (sent or not) */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = (Boolean) em.createNativeQuery(
                    "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'))")
                    .getSingleResult();
            if (!mine) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(BATCH_SQL).setParameter("limit", config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                var record = new ProducerRecord<String, String>((String) row[1], (String) row[2], (String) row[4]);
                record.headers().add(Topics.TYPE_HEADER, ((String) row[3]).getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            producer.flush();
            List<Long> sent = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                try {
                    acks.get(i).get();
                    sent.add(((Number) rows.get(i)[0]).longValue());
                } catch (Exception e) {
                    // keep order: stop at the first failure; what follows is retried (consumers are idempotent)
                    LOG.warnf("Broker did not acknowledge outbox row %s: %s", rows.get(i)[0], e.toString());
                    break;
                }
            }
            if (!sent.isEmpty()) {
                em.createNativeQuery("update outbox_event set sent_at = :now where id in (:ids)")
                        .setParameter("now", Instant.now())
                        .setParameter("ids", sent)
                        .executeUpdate();
            }
            return rows.size();
        });
    }

    private void purgeSent() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from outbox_event where sent_at < :before")
                .setParameter("before", Instant.now().minus(config.retention()))
                .executeUpdate());
    }
}
