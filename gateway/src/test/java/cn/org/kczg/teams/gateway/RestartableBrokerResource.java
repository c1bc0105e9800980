package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.testkit.KafkaBroker;
import cn.org.kczg.teams.testkit.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A KRaft broker of this test's own (the shared one of {@link KafkaBroker} must stay up for the other tests), which
 * the test can stop and start again on the same port and data: a broker crash and its restart.
 */
public class RestartableBrokerResource implements QuarkusTestResourceLifecycleManager {
    private static Properties props;
    private static String bootstrap;
    private static KafkaRaftServer server;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("kczg-restartable-kafka-");
            int port = PostgresServer.freePort();
            props = KafkaBroker.brokerProperties(dir.resolve("data"), port, PostgresServer.freePort());
            Path config = dir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                props.store(out, "kczg restartable test broker");
            }
            int formatted = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString(), "--ignore-formatted"}, new PrintStream(PrintStream.nullOutputStream()));
            if (formatted != 0) {
                throw new IOException("kafka storage format failed with " + formatted);
            }
            bootstrap = "127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startBroker();
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    static String bootstrap() {
        return bootstrap;
    }

    static synchronized void startBroker() {
        server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
    }

    static synchronized void stopBroker() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void stop() {
        stopBroker();
    }
}
