package cn.org.kczg.teams.kit.messaging;

import cn.org.kczg.teams.platform.kafka.KafkaClientConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Creates the topics a service writes or reads when they do not exist yet, so the first event of a
 * fresh installation is not delayed by a consumer waiting for topic metadata. In production the topics
 * are declared up front (Strimzi {@code KafkaTopic}) and this finds them all present.
 */
@ApplicationScoped
public class TopicBootstrap {
    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    @Inject
    Config mpConfig;
    @Inject
    TopicsConfig config;

    void ensure(@Observes StartupEvent event) {
        List<String> topics = config.topics().orElse(List.of());
        if (topics.isEmpty()) {
            return;
        }
        Properties props = KafkaClientConfig.admin(mpConfig);
        // default.api.timeout.ms may not be below request.timeout.ms, or the client refuses to start
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, config.partitions(), config.replicationFactor())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().forEach((name, result) -> {
                    try {
                        result.get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        // another instance may have created it meanwhile
                        LOG.debugf("Topic %s not created: %s", name, e.toString());
                    }
                });
                LOG.infof("Created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (Exception e) {
            LOG.warnf("Could not check topics %s (the broker may still be starting): %s", topics, e.toString());
        }
    }
}
