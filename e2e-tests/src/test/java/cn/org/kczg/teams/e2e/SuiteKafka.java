package cn.org.kczg.teams.e2e;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Looking at a launched suite's broker from the side: what was published, and who consumes what. */
final class SuiteKafka implements AutoCloseable {
    private final String bootstrap;
    private final Admin admin;

    SuiteKafka(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(props);
    }

    /** Every event on {@code topic} from its beginning, read as it arrives. */
    TopicWatcher watch(String topic) {
        return new TopicWatcher(bootstrap, topic);
    }

    /** Partitions of {@code topic} each member of the consumer group holds, for the members holding any. */
    List<List<Integer>> assignments(String group, String topic) {
        Collection<MemberDescription> members = get(admin.describeConsumerGroups(List.of(group)).all())
                .get(group).members();
        return members.stream()
                .map(m -> m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic))
                        .map(TopicPartition::partition).sorted().toList())
                .filter(partitions -> !partitions.isEmpty()).toList();
    }

    int partitions(String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
    }

    /** Whether the group has committed every partition of {@code topic} up to its end: nothing left to consume. */
    boolean caughtUp(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int p = 0; p < partitions(topic); p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset());
    }

    /**
     * Whether every consumer group of the four services (e.g. {@code review-service},
     * {@code activity-service.notifications}) has committed every topic it reads up to its end.
     */
    boolean servicesCaughtUp() {
        List<String> groups = get(admin.listGroups().all()).stream().map(GroupListing::groupId)
                .filter(g -> g.matches("(registration|review|activity|evaluation)-service(\\..+)?")).toList();
        for (String group : groups) {
            Set<String> topics = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).keySet()
                    .stream().map(TopicPartition::topic).collect(Collectors.toSet());
            if (!topics.stream().allMatch(topic -> caughtUp(group, topic))) {
                return false;
            }
        }
        return !groups.isEmpty();
    }

    boolean exists(String topic) {
        return get(admin.listTopics().names()).contains(topic);
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    /** A consumer outside every group, reading one topic from the start; {@link #events()} polls for more. */
    static final class TopicWatcher implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<EventEnvelope> read = new ArrayList<>();

        TopicWatcher(String bootstrap, String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-watcher-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(topic));
        }

        /** Everything read so far, after one more poll. */
        List<EventEnvelope> events() {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(EventJson.read(r.value())));
            return List.copyOf(read);
        }

        /** The events read so far of one type that {@code filter} accepts. */
        List<EventEnvelope> events(String type, Predicate<EventEnvelope> filter) {
            return events().stream().filter(e -> e.type().equals(type)).filter(filter).toList();
        }

        /** How many times each event id was read among {@code events}. */
        static Map<UUID, Long> copies(List<EventEnvelope> events) {
            return events.stream().collect(Collectors.groupingBy(EventEnvelope::eventId, Collectors.counting()));
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
