package cn.org.kczg.teams.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import cn.org.kczg.teams.gateway.GatewayConfig;
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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the four event topics (all partitions, no consumer group: every gateway instance reads everything)
 * into the {@link EventBuffer}, starting one retention period back so streams can resume after a gateway
 * restart, and tells the open streams when something arrived.
 */
@ApplicationScoped
public class EventFeed {
    private static final Logger LOG = Logger.getLogger(EventFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;
    @Inject
    GatewayConfig config;

    private EventBuffer buffer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile KafkaConsumer<String, String> consumer;
    /** Counted down by {@link #stop()}: the feed's loop ends, and a back-off wait ends with it. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    void start(@Observes StartupEvent event) {
        buffer = new EventBuffer(config.events().retention(), config.events().capacity());
        if (config.events().enabled()) {
            Thread thread = new Thread(this::run, "event-feed");
            thread.setDaemon(true);
            thread.start();
        }
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
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-event-feed");
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer = kafka;
            List<TopicPartition> assigned = new ArrayList<>();
            long lastCheck = 0;
            while (stopped.getCount() > 0) {
                if (System.currentTimeMillis() - lastCheck > 10_000) {
                    lastCheck = System.currentTimeMillis();
                    assign(kafka, assigned);
                }
                if (assigned.isEmpty()) {
                    // no topic exists yet: look again shortly, or end now if the gateway stops
                    stopped.await(500, TimeUnit.MILLISECONDS);
                    continue;
                }
                boolean any = false;
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                    append(record);
                    any = true;
                }
                if (any) {
                    listeners.forEach(Runnable::run);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            LOG.debug("event feed stopped");
        } catch (RuntimeException e) {
            LOG.error("event feed failed", e);
        }
    }

    /** Picks up partitions as topics appear; new ones start one retention period back. */
    private void assign(KafkaConsumer<String, String> kafka, List<TopicPartition> assigned) {
        List<TopicPartition> found = new ArrayList<>();
        for (String topic : config.events().topics()) {
            List<PartitionInfo> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions != null) {
                partitions.forEach(p -> found.add(new TopicPartition(topic, p.partition())));
            }
        }
        List<TopicPartition> fresh = found.stream().filter(p -> !assigned.contains(p)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        assigned.addAll(fresh);
        kafka.assign(assigned);
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

    private void append(ConsumerRecord<String, String> record) {
        try {
            JsonNode envelope = JSON.readTree(record.value());
            JsonNode payload = envelope.path("payload");
            String team = text(payload, "teamId");
            if (team == null && "team".equals(text(envelope, "aggregateType"))) {
                team = text(envelope, "aggregateId");
            }
            String leadUnit = text(payload, "leadUnitCreditCode");
            for (String field : new String[] {"teamLeadUnit", "creditCode", "leadUnit"}) {
                leadUnit = leadUnit != null ? leadUnit : text(payload, field);
            }
            buffer.append(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                    envelope.path("type").asText("unknown"), team, leadUnit, JSON.writeValueAsString(envelope));
        } catch (Exception e) {
            LOG.warnf("Skipping unreadable event %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
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
