package cn.org.kczg.teams.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Plain Kafka clients against the test broker: what a test produces or reads back, without Quarkus. */
public final class KafkaTestClient {
    private KafkaTestClient() {
    }

    public static void produce(String topic, String key, String value) {
        produce(KafkaBroker.start(), new ProducerRecord<>(topic, key, value));
    }

    /** Sends one record to the broker at {@code bootstrap} (e.g. a launched suite's) and waits for the ack. */
    public static void produce(String bootstrap, ProducerRecord<String, String> record) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads the topic from the beginning until {@code done} holds for what was read, for at most
     * {@code timeout}; returns every record read.
     */
    public static List<ConsumerRecord<String, String>> readUntil(String topic, Duration timeout,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        return readUntil(KafkaBroker.start(), topic, timeout, done);
    }

    /** {@link #readUntil(String, Duration, Predicate)} from the broker at {@code bootstrap}. */
    public static List<ConsumerRecord<String, String>> readUntil(String bootstrap, String topic, Duration timeout,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return done.test(read);
            });
        }
        return read;
    }

    /** Every record of the topic whose value contains {@code marker}, read until {@code quiet} passes with none new. */
    public static List<ConsumerRecord<String, String>> readMatching(String topic, String marker, int expected,
            Duration timeout) {
        List<ConsumerRecord<String, String>> all = readUntil(topic, timeout,
                records -> records.stream().filter(r -> r.value() != null && r.value().contains(marker)).count() >= expected);
        return all.stream().filter(r -> r.value() != null && r.value().contains(marker)).toList();
    }

    public static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new java.util.HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return headers;
    }
}
