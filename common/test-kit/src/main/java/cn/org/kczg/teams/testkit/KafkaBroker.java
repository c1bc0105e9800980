package cn.org.kczg.teams.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker inside the test JVM, started once; {@code TEST_KAFKA_BOOTSTRAP}
 * uses an external broker instead.
 */
public final class KafkaBroker {
    private static String bootstrap;
    private static KafkaRaftServer server;

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
        try {
            bootstrap = startEmbedded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bootstrap;
    }

    private static String startEmbedded() throws IOException {
        Path dir = Files.createTempDirectory("kczg-kafka-");
        int port = PostgresServer.freePort();
        int controllerPort = PostgresServer.freePort();
        Properties props = brokerProperties(dir.resolve("data"), port, controllerPort);
        Path config = dir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            props.store(out, "kczg test broker");
        }
        int formatted = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString(), "--ignore-formatted"},
                new PrintStream(PrintStream.nullOutputStream()));
        if (formatted != 0) {
            throw new IOException("kafka storage format failed with " + formatted);
        }
        server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }));
        return "127.0.0.1:" + port;
    }

    /** A single node that is broker and controller; the same settings the launcher writes. */
    public static Properties brokerProperties(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }
}
