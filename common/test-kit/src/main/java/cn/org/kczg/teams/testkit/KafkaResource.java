package cn.org.kczg.teams.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Gives a {@code @QuarkusTest} the real Kafka broker of {@link KafkaBroker}. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", KafkaBroker.start());
    }

    @Override
    public void stop() {
        // one broker per JVM, stopped by its shutdown hook
    }
}
