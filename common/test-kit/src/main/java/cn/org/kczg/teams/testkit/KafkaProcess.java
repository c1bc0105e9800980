package cn.org.kczg.teams.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker as a process of its own, from the jars of {@code deploy/kafka-runtime} — the Kafka
 * release production and {@code ./kczg} run, not the clients' release of the Quarkus BOM. It can be stopped and
 * started again on the same port and data, as a crashed broker comes back.
 */
public final class KafkaProcess {
    private static final Duration READY = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private Process process;

    private KafkaProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Formats a new broker's storage in a temporary directory, on free ports; not started yet. */
    public static KafkaProcess create() {
        try {
            Path dir = Files.createTempDirectory("kczg-kafka-");
            int port = FreePorts.next();
            Properties props = brokerProperties(dir.resolve("data"), port, FreePorts.next());
            try (Writer out = Files.newBufferedWriter(dir.resolve("server.properties"))) {
                props.store(out, "kczg test broker");
            }
            KafkaProcess broker = new KafkaProcess(dir, port);
            Process format = broker.java("kafka.tools.StorageTool", "format", "-t",
                    UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c",
                    dir.resolve("server.properties").toString(), "--ignore-formatted")
                    .redirectOutput(dir.resolve("format.log").toFile()).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and returns once it accepts connections. */
    public synchronized KafkaProcess start() {
        try {
            process = java("kafka.Kafka", dir.resolve("server.properties").toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + READY.toNanos();
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the test broker did not start; see " + dir.resolve("kafka.log"));
            }
            process.onExit().completeOnTimeout(null, 100, TimeUnit.MILLISECONDS).join();
        }
        return this;
    }

    /** Stops it (SIGTERM, a controlled shutdown), or kills it after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private ProcessBuilder java(String main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", runtime().resolve("*").toString(), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** {@code deploy/kafka-runtime/target/lib}, found from the module the tests run in. */
    static Path runtime() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path lib = dir.resolve("deploy/kafka-runtime/target/lib");
            if (Files.isDirectory(lib)) {
                return lib;
            }
        }
        throw new IllegalStateException("no deploy/kafka-runtime/target/lib above " + Path.of("").toAbsolutePath()
                + ": build it first (mvn -pl deploy/kafka-runtime package)");
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
