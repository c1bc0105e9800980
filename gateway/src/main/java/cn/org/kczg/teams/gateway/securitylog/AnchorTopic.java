package cn.org.kczg.teams.gateway.securitylog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the anchor topic (compacted, keyed by chain) without a consumer group: the newest anchor of one chain.
 * Blocking; for the verifier and tests.
 */
public final class AnchorTopic {
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private AnchorTopic() {
    }

    /** The newest anchor of {@code chain} in {@code topic}; empty when there is none (or no such topic yet). */
    public static Optional<Anchor> latest(Properties client, String topic, String chain) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "security-log-verifier");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.listTopics(READ_LIMIT).getOrDefault(topic, List.of())) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            if (partitions.isEmpty()) {
                return Optional.empty();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_LIMIT);
            Anchor latest = null;
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " in " + READ_LIMIT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (chain.equals(record.key())) {
                        Optional<Anchor> anchor = Anchor.parse(record.value()).filter(a -> chain.equals(a.chain()));
                        // one key lives in one partition: the last record read is the newest
                        if (anchor.isPresent()) {
                            latest = anchor.get();
                        }
                    }
                }
            }
            return Optional.ofNullable(latest);
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), READ_LIMIT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
