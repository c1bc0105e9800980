package cn.org.kczg.teams.gateway.deadletters;

import cn.org.kczg.teams.gateway.GatewayConfig;
import cn.org.kczg.teams.platform.kafka.KafkaClientConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The dead-letter topics read as a list, and replay. The topics themselves are the store: a replay sends the
 * original message back to its topic (consumers' inboxes make a second delivery of an applied event harmless)
 * and appends a marker to the dead-letter topic, so every gateway instance, and every restart, sees it as replayed.
 * Reads are blocking: call from a worker thread.
 */
@ApplicationScoped
public class DeadLetterStore {
    private static final Logger LOG = Logger.getLogger(DeadLetterStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** On a marker record: the id of the dead letter that was replayed. */
    static final String REPLAY_OF = "kczg-replay-of";
    /** On a replayed message: the dead letter it came from. */
    static final String REPLAYED_FROM = "kczg-replayed-from";
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);
    private static final Duration REFRESH = Duration.ofMinutes(1);

    @Inject
    Config mpConfig;
    @Inject
    GatewayConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    Vertx vertx;

    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, String> producer;

    void registerGauges(@Observes StartupEvent event) {
        for (String topic : topics()) {
            AtomicLong count = waiting.computeIfAbsent(topic, t -> new AtomicLong());
            Gauge.builder("kczg.dead.letters", count, AtomicLong::get).tag("topic", topic)
                    .description("Dead letters not yet replayed").register(registry);
        }
        if (config.events().enabled()) {
            // the gauges follow the topics even when nobody lists them
            vertx.setPeriodic(REFRESH.toMillis(), REFRESH.toMillis(), id -> vertx.executeBlocking(() -> {
                try {
                    all();
                } catch (RuntimeException e) {
                    LOG.debugf("dead-letter counts not refreshed: %s", e);
                }
                return null;
            }, false));
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** The platform's dead-letter topics: one per event topic. */
    public List<String> topics() {
        return config.events().topics().stream().map(t -> t + ".dlq").toList();
    }

    /** Every dead letter, newest first; also refreshes the per-topic gauges. */
    public List<DeadLetter> all() {
        Map<String, DeadLetter> letters = new LinkedHashMap<>();
        Map<String, Instant> replays = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (!partitions.isEmpty()) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_LIMIT);
                long deadline = System.nanoTime() + READ_LIMIT.toNanos();
                while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        String replayOf = header(record.headers(), REPLAY_OF);
                        if (replayOf != null) {
                            replays.put(replayOf, Instant.ofEpochMilli(record.timestamp()));
                        } else {
                            DeadLetter letter = letter(record);
                            letters.put(letter.id(), letter);
                        }
                    }
                }
            }
        }
        List<DeadLetter> result = new ArrayList<>(letters.size());
        Map<String, Long> counts = new HashMap<>();
        for (DeadLetter letter : letters.values()) {
            Instant replayed = replays.get(letter.id());
            result.add(replayed == null ? letter : letter.replayed(replayed));
            if (replayed == null) {
                counts.merge(letter.id().substring(0, letter.id().indexOf(':')), 1L, Long::sum);
            }
        }
        for (String topic : topics()) {
            waiting.computeIfAbsent(topic, t -> new AtomicLong()).set(counts.getOrDefault(topic, 0L));
        }
        result.sort(Comparator.comparing(DeadLetter::deadAt).reversed().thenComparing(DeadLetter::id));
        return result;
    }

    public Optional<DeadLetter> find(String id) {
        return DeadLetterId.parse(id, topics()).flatMap(parsed -> all().stream()
                .filter(l -> l.id().equals(parsed.toString())).findFirst());
    }

    /** Sends the dead letter back to its topic and marks it replayed; empty when there is no such letter. */
    public Optional<DeadLetter> replay(String id) {
        Optional<DeadLetterId> parsed = DeadLetterId.parse(id, topics());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Optional<ConsumerRecord<String, String>> original = read(parsed.get());
        if (original.isEmpty() || header(original.get().headers(), REPLAY_OF) != null) {
            return Optional.empty();
        }
        ConsumerRecord<String, String> record = original.get();
        DeadLetter letter = letter(record);
        ProducerRecord<String, String> back = new ProducerRecord<>(letter.topic(), record.key(), record.value());
        Header type = record.headers().lastHeader("type");
        if (type != null) {
            back.headers().add("type", type.value());
        }
        back.headers().add(REPLAYED_FROM, letter.id().getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, String> marker = new ProducerRecord<>(parsed.get().topic(), letter.id(), null);
        marker.headers().add(REPLAY_OF, letter.id().getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(back).get(15, TimeUnit.SECONDS);
            producer().send(marker).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take the replay of " + id + ": " + e, e);
        }
        LOG.infof("dead letter %s (%s %s) replayed to %s", letter.id(), letter.type(), letter.eventId(),
                letter.topic());
        return Optional.of(letter.replayed(Instant.now()));
    }

    private Optional<ConsumerRecord<String, String>> read(DeadLetterId id) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(id.topic(), id.partition());
            List<PartitionInfo> known = consumer.partitionsFor(id.topic(), READ_LIMIT);
            if (known == null || known.stream().noneMatch(p -> p.partition() == id.partition())) {
                return Optional.empty();
            }
            long end = consumer.endOffsets(List.of(partition), READ_LIMIT).getOrDefault(partition, 0L);
            if (id.offset() >= end) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            consumer.seek(partition, id.offset());
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == id.offset()) {
                        return Optional.of(record);
                    }
                    if (record.offset() > id.offset()) {
                        return Optional.empty(); // compacted or deleted meanwhile
                    }
                }
            }
            throw new IllegalStateException("could not read " + id + " in " + READ_LIMIT.toSeconds() + " s");
        }
    }

    private static DeadLetter letter(ConsumerRecord<String, String> record) {
        String id = new DeadLetterId(record.topic(), record.partition(), record.offset()).toString();
        String origin = header(record.headers(), "dead-letter-topic");
        String topic = origin != null ? origin : record.topic().replaceFirst("\\.dlq$", "");
        String type = header(record.headers(), "type");
        String eventId = null;
        try {
            JsonNode envelope = record.value() == null ? null : JSON.readTree(record.value());
            if (envelope != null && envelope.isObject()) {
                eventId = envelope.path("eventId").isTextual() ? envelope.get("eventId").asText() : null;
                type = envelope.path("type").isTextual() ? envelope.get("type").asText() : type;
            }
        } catch (Exception e) {
            // not JSON: that may be why it is here
        }
        return new DeadLetter(id, topic, integer(header(record.headers(), "dead-letter-partition")),
                longValue(header(record.headers(), "dead-letter-offset")), record.key(), type, eventId,
                header(record.headers(), "dead-letter-reason"), header(record.headers(), "dead-letter-cause"),
                Instant.ofEpochMilli(record.timestamp()), record.value(), null);
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(READ_LIMIT);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics()) {
            for (PartitionInfo p : existing.getOrDefault(topic, List.of())) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        return partitions;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), READ_LIMIT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = KafkaClientConfig.consumer(mpConfig);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-dead-letters");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = KafkaClientConfig.producer(mpConfig);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-dead-letter-replay");
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
