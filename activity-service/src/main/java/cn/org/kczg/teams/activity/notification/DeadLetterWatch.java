package cn.org.kczg.teams.activity.notification;

import cn.org.kczg.teams.platform.kafka.KafkaClientConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells operators when a dead-letter topic has grown: compares each topic's size (the sum of its partitions' end
 * offsets) with what they were last told of. The notice's event id is made from the topic and its size, so every
 * instance that looks makes the same notice, and it is stored once.
 */
@ApplicationScoped
public class DeadLetterWatch {
    private static final Logger LOG = Logger.getLogger(DeadLetterWatch.class);

    @Inject
    Config mpConfig;
    @Inject
    EntityManager em;
    @Inject
    NotificationService notifications;
    @Inject
    Clock clock;
    @ConfigProperty(name = "kczg.notifications.dead-letter-topics",
            defaultValue = "registration.events.dlq,review.events.dlq,activity.events.dlq,evaluation.events.dlq")
    List<String> topics;

    @Scheduled(every = "${kczg.notifications.dead-letter-check-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        Map<String, Long> sizes;
        try {
            sizes = sizes();
        } catch (Exception e) {
            LOG.debugf("Dead-letter topics not measured (the broker may be away): %s", e.toString());
            return;
        }
        sizes.forEach((topic, size) -> QuarkusTransaction.requiringNew().run(() -> noticeGrowth(topic, size)));
    }

    private void noticeGrowth(String topic, long size) {
        List<?> seen = em.createNativeQuery("select seen from dead_letter_watch where topic = :t for update")
                .setParameter("t", topic).getResultList();
        long before = seen.isEmpty() ? 0 : ((Number) seen.get(0)).longValue();
        if (size <= before) {
            return;
        }
        UUID eventId = UUID.nameUUIDFromBytes(("dead-letters:" + topic + ":" + size).getBytes(StandardCharsets.UTF_8));
        notifications.deliver(eventId, NoticeRules.deadLetters(topic, size - before));
        em.createNativeQuery("insert into dead_letter_watch (topic, seen, at) values (:t, :n, :at) "
                        + "on conflict (topic) do update set seen = excluded.seen, at = excluded.at")
                .setParameter("t", topic).setParameter("n", size).setParameter("at", clock.instant()).executeUpdate();
    }

    private Map<String, Long> sizes() throws Exception {
        Properties props = KafkaClientConfig.admin(mpConfig);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(props)) {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> present = topics.stream().filter(existing::contains).toList();
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(present).allTopicNames().get(10, TimeUnit.SECONDS)
                    .values().stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(),
                            p.partition()))).collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.groupingBy(e -> e.getKey().topic(),
                            Collectors.summingLong(e -> e.getValue().offset())));
        }
    }
}
