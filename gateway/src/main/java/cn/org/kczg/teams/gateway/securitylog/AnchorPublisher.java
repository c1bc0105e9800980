package cn.org.kczg.teams.gateway.securitylog;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes a chain's head to the anchor topic (key: the chain) when it moved since the last anchor the broker
 * took; a failed send is retried with the next head. Thread-safe.
 */
final class AnchorPublisher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AnchorPublisher.class);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String chain;
    private final Clock clock;
    /** The head of the last anchor the broker acknowledged, and of the one in flight. */
    private DayFiles.Head published;
    private DayFiles.Head sending;
    private boolean failing;

    AnchorPublisher(Properties client, String topic, String chain, Clock clock) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-security-log-anchor");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // a broker that is away delays an anchor, never the gateway: the next tick tries again
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.chain = chain;
        this.clock = clock;
    }

    /** Sends an anchor for {@code head} unless the broker has it already (or it is on its way); returns at once. */
    synchronized void publish(DayFiles.Head head) {
        if (head.seq() == 0 || head.equals(published) || head.equals(sending)) {
            return;
        }
        sending = head;
        try {
            send(head);
        } catch (RuntimeException e) {
            failed(head, e);
        }
    }

    /** Sends an anchor for {@code head} (unless the broker has it) and waits for the broker's answer: at shutdown. */
    void publishAndWait(DayFiles.Head head, Duration wait) {
        Future<RecordMetadata> sent;
        synchronized (this) {
            if (head.seq() == 0 || head.equals(published)) {
                return;
            }
            sending = head;
            sent = send(head);
        }
        try {
            sent.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("security log: the anchor of line %d was not published at shutdown: %s", head.seq(),
                    e.toString());
        }
    }

    private Future<RecordMetadata> send(DayFiles.Head head) {
        Anchor anchor = new Anchor(chain, head.seq(), head.hash(), clock.instant());
        return producer.send(new ProducerRecord<>(topic, chain, anchor.json()), (metadata, error) -> {
            if (error != null) {
                failed(head, error);
            } else {
                acknowledged(head);
            }
        });
    }

    private synchronized void acknowledged(DayFiles.Head head) {
        if (published == null || head.seq() > published.seq()) {
            published = head;
        }
        if (head.equals(sending)) {
            sending = null;
        }
        if (failing) {
            failing = false;
            LOG.infof("security log: anchors are published again (line %d)", head.seq());
        }
    }

    private synchronized void failed(DayFiles.Head head, Throwable error) {
        if (head.equals(sending)) {
            sending = null;
        }
        if (!failing) {
            failing = true;
            LOG.warnf("security log: the anchor of line %d was not published to %s (%s); retried with the next",
                    head.seq(), topic, error.toString());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
