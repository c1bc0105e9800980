package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.testkit.KafkaBroker;
import cn.org.kczg.teams.testkit.KafkaProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A KRaft broker of this test's own (the shared one of {@link KafkaBroker} must stay up for the other tests), which
 * the test can stop and start again on the same port and data: a broker crash and its restart.
 */
public class RestartableBrokerResource implements QuarkusTestResourceLifecycleManager {
    private static KafkaProcess broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaProcess.create().start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrap());
    }

    static String bootstrap() {
        return broker.bootstrap();
    }

    static void startBroker() {
        broker.start();
    }

    static void stopBroker() {
        broker.stop();
    }

    @Override
    public void stop() {
        broker.stop();
    }
}
