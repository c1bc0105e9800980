package cn.org.kczg.teams.testkit;

/**
 * The real single-node KRaft broker the tests of one JVM share, started once as a process of its own
 * ({@link KafkaProcess}, the release production runs); {@code TEST_KAFKA_BOOTSTRAP} uses an external broker instead.
 */
public final class KafkaBroker {
    private static String bootstrap;

    private KafkaBroker() {
    }

    public static synchronized String start() {
        if (bootstrap != null) {
            return bootstrap;
        }
        String external = System.getenv("TEST_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            bootstrap = external;
            return bootstrap;
        }
        KafkaProcess broker = KafkaProcess.create().start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        bootstrap = broker.bootstrap();
        return bootstrap;
    }
}
