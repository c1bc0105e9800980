package cn.org.kczg.teams.gateway.events;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.events.EventTypes;
import cn.org.kczg.teams.gateway.GatewayConfig;
import cn.org.kczg.teams.platform.kafka.KafkaClientConfig;
import cn.org.kczg.teams.platform.privacy.LogSafe;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Reads the four event topics (all partitions, no consumer group: every gateway instance reads everything)
 * into the {@link EventBuffer}, starting one retention period back so streams can resume after a gateway
 * restart, and tells the open streams when something arrived. Any broker error ends only the current consumer:
 * the feed reconnects with capped exponential back-off and resumes each partition after the last offset it read,
 * its buffer intact; {@link #status()} says how it is doing.
 */
@ApplicationScoped
public class EventFeed {
    private static final Logger LOG = Logger.getLogger(EventFeed.class);

    @Inject
    Config mpConfig;
    @Inject
    GatewayConfig config;

    private EventBuffer buffer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile KafkaConsumer<String, String> consumer;
    /** Per partition, the offset after the last record read: where a new consumer resumes. Feed thread only. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final FeedStatus status = new FeedStatus();
    /** How long the feed waits before its next attempt after a broker error. Feed thread only. */
    private Duration backoff;
    /** Counted down by {@link #stop()}: the feed's loop ends, and a back-off wait ends with it. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    void start(@Observes StartupEvent event) {
        buffer = new EventBuffer(config.events().retention(), config.events().capacity(),
                config.events().maxBytes().asLongValue());
        if (config.events().enabled()) {
            Thread thread = new Thread(this::run, "event-feed");
            thread.setDaemon(true);
            thread.start();
        } else {
            status.disabled();
        }
    }

    public FeedStatus status() {
        return status;
    }

    public EventBuffer buffer() {
        return buffer;
    }

    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void unlisten(Runnable listener) {
        listeners.remove(listener);
    }

    private void run() {
        backoff = config.events().reconnectMin();
        while (stopped.getCount() > 0) {
            KafkaConsumer<String, String> kafka = null;
            try {
                kafka = connect();
                follow(kafka);
                return;
            } catch (WakeupException | InterruptedException e) {
                LOG.debug("event feed stopped");
                return;
            } catch (RuntimeException e) {
                status.lost(e, backoff);
            } finally {
                consumer = null;
                if (kafka != null) {
                    kafka.close(Duration.ofSeconds(1));
                }
            }
            if (awaitStop(backoff)) {
                return;
            }
            backoff = min(backoff.multipliedBy(2), config.events().reconnectMax());
        }
    }

    private KafkaConsumer<String, String> connect() {
        Properties props = KafkaClientConfig.consumer(mpConfig);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-event-feed");
        // every partition is sought explicitly; a position the log no longer has is handled in follow()
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        KafkaConsumer<String, String> kafka = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        consumer = kafka;
        if (stopped.getCount() == 0) {
            kafka.wakeup();
        }
        return kafka;
    }

    /** Reads until the gateway stops or the broker fails; a successful look for partitions means connected. */
    private void follow(KafkaConsumer<String, String> kafka) throws InterruptedException {
        List<TopicPartition> assigned = new ArrayList<>();
        long checkMillis = config.events().partitionCheck().toMillis();
        long lastCheck = 0;
        while (stopped.getCount() > 0) {
            if (System.currentTimeMillis() - lastCheck > checkMillis) {
                lastCheck = System.currentTimeMillis();
                assign(kafka, assigned);
                status.connected();
                backoff = config.events().reconnectMin();
            }
            if (assigned.isEmpty()) {
                // no topic exists yet: look again shortly, or end now if the gateway stops
                stopped.await(500, TimeUnit.MILLISECONDS);
                continue;
            }
            boolean any = false;
            try {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                    any |= append(record);
                }
            } catch (OffsetOutOfRangeException e) {
                // the log no longer starts where this feed was (retention deleted it, or the broker lost its data)
                LOG.warnf("Event feed positions %s are gone from the log; reading those partitions from their start",
                        e.offsetOutOfRangePartitions());
                e.partitions().forEach(positions::remove);
                kafka.seekToBeginning(e.partitions());
            }
            if (any) {
                listeners.forEach(Runnable::run);
            }
        }
    }

    /** Waits out a back-off; true when the gateway stopped meanwhile. */
    private boolean awaitStop(Duration backoff) {
        try {
            return stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Picks up partitions as topics appear: one already read resumes after its last record, a new one starts one
     * retention period back.
     */
    private void assign(KafkaConsumer<String, String> kafka, List<TopicPartition> assigned) {
        // listTopics asks the broker every time (partitionsFor may answer from the consumer's cache): a lost broker
        // shows here as an error
        Map<String, List<PartitionInfo>> topics = kafka.listTopics(Duration.ofSeconds(5));
        List<TopicPartition> found = new ArrayList<>();
        for (String topic : config.events().topics()) {
            topics.getOrDefault(topic, List.of()).forEach(p -> found.add(new TopicPartition(topic, p.partition())));
        }
        List<TopicPartition> added = found.stream().filter(p -> !assigned.contains(p)).toList();
        if (added.isEmpty()) {
            return;
        }
        assigned.addAll(added);
        kafka.assign(assigned);
        added.stream().filter(positions::containsKey).forEach(p -> kafka.seek(p, positions.get(p)));
        List<TopicPartition> fresh = added.stream().filter(p -> !positions.containsKey(p)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = Instant.now().minus(config.events().retention()).toEpochMilli();
        fresh.forEach(p -> since.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(since);
        for (TopicPartition p : fresh) {
            OffsetAndTimestamp offset = offsets.get(p);
            if (offset == null) {
                kafka.seekToEnd(List.of(p));
            } else {
                kafka.seek(p, offset.offset());
            }
        }
    }

    /** Buffers a record this feed has not read before; false for one it has (a resumed read may repeat it). */
    private boolean append(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long next = positions.get(partition);
        if (next != null && record.offset() < next) {
            return false;
        }
        positions.put(partition, record.offset() + 1);
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(record.value());
        } catch (RuntimeException e) {
            LOG.warnf("Skipping unreadable event %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    LogSafe.withoutQuotes(e.getMessage()));
            return true;
        }
        EventPayload payload = payloadOf(envelope);
        String team = payload != null && payload.concernsTeam() != null ? payload.concernsTeam().toString()
                : "team".equals(envelope.aggregateType()) ? envelope.aggregateId() : null;
        buffer.append(String.valueOf(envelope.eventId()), record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), envelope.type(), team,
                payload == null ? null : payload.concernsLeadUnit(), EventJson.write(envelope));
        return true;
    }

    /** The payload as the contract reads it; null for a type this gateway does not know yet, or unreadable. */
    private static EventPayload payloadOf(EventEnvelope envelope) {
        try {
            return EventTypes.payloadOf(envelope.type()).map(type -> EventJson.payload(envelope, type)).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @PreDestroy
    void stop() {
        stopped.countDown();
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
    }
}
