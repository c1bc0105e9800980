package cn.org.kczg.teams.e2e;

import cn.org.kczg.teams.testkit.FreePorts;
import cn.org.kczg.teams.testkit.MailServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The built suite, started exactly as a person would: {@code ./kczg up}, on free ports and with its own
 * state directory — the shared one once per test JVM ({@link #get()}), others with their own settings
 * ({@link #start(Map)}). Tokens come from {@code ./kczg token}, signed with the key the launcher generated.
 */
final class LaunchedSuite implements AutoCloseable {
    private static final List<String> SERVICES = List.of("REGISTRATION", "REVIEW", "ACTIVITY", "EVALUATION");
    private static LaunchedSuite shared;

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private Process launcher;
    private final Path log;
    private SuiteKafka kafka;
    final String gatewayUrl;

    private LaunchedSuite(Map<String, String> settings) throws IOException {
        root = Path.of("").toAbsolutePath().getParent();
        home = Files.createTempDirectory("kczg-e2e-");
        int gatewayPort = FreePorts.next();
        env.putAll(settings);
        env.put("KCZG_HOME", home.toString());
        env.put("KCZG_NO_BUILD", "1");
        // every suite here lives in a fresh KCZG_HOME: a class cache would be trained (and written at exit) each time
        env.put("KCZG_CLASS_CACHE", "0");
        env.put("KCZG_GATEWAY_PORT", String.valueOf(gatewayPort));
        for (String name : List.of("PG", "KAFKA", "KAFKA_CONTROLLER", "GATEWAY_MANAGEMENT")) {
            env.put("KCZG_" + name + "_PORT", String.valueOf(FreePorts.next()));
        }
        for (String service : SERVICES) {
            env.put("KCZG_" + service + "_PORT", String.valueOf(FreePorts.next()));
            for (int k = 2; k <= instances(); k++) {
                env.put("KCZG_" + service + "_PORT_" + k, String.valueOf(FreePorts.next()));
            }
        }
        gatewayUrl = "http://127.0.0.1:" + gatewayPort;
        log = home.resolve("launcher.log");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        up();
    }

    private synchronized void up() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("kczg").toString(), "up")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        launcher = builder.start();
        Awaitility.await("./kczg up prints KCZG READY").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!launcher.isAlive()) {
                        throw new IllegalStateException("./kczg up exited: " + Files.readString(log));
                    }
                    return Files.readString(log, StandardCharsets.UTF_8).contains("KCZG READY");
                });
    }

    /** Stops the whole suite, as Ctrl-C on {@code ./kczg up} does; {@link #restart()} starts it again. */
    void down() {
        stop();
    }

    /** {@code ./kczg up} again on the same state directory and ports, after {@link #down()}. */
    void restart() {
        try {
            up();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suite's state directory ({@code KCZG_HOME}). */
    Path home() {
        return home;
    }

    /** What one {@code ./kczg} command did: its exit status, standard output and standard error. */
    record Outcome(int status, String out, String err) {
    }

    /** {@code ./kczg ARGS…} whatever its exit status, e.g. a refusal a test expects; at most two minutes. */
    Outcome launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("kczg").toString()));
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile(home, "launcher-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in 2 minutes");
            }
            return new Outcome(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A service's own address, e.g. {@code serviceUrl("review")}: for checking what the gateway routes. */
    String serviceUrl(String service) {
        return "http://127.0.0.1:" + env.get("KCZG_" + service.toUpperCase() + "_PORT");
    }

    /** The gateway's health and metrics: a port of their own, not the API's. */
    String gatewayManagementUrl() {
        return "http://127.0.0.1:" + env.get("KCZG_GATEWAY_MANAGEMENT_PORT");
    }

    /** How many instances of each service run ({@code KCZG_INSTANCES}). */
    int instances() {
        return Integer.parseInt(env.getOrDefault("KCZG_INSTANCES", "1"));
    }

    /** The suite every flow shares, started once per test JVM. */
    static synchronized LaunchedSuite get() {
        if (shared == null) {
            // the tests stand in for the ingress in front of the gateway: X-Forwarded-For names the client (S4)
            // … and the test JVM's SMTP server stands in for the platform's mail relay (a session it loses is given
            // up after 5 s and tried again 30 s later, within a flow's wait for its mail)
            shared = start(Map.of("KCZG_GATEWAY_TRUSTED_PROXIES", "127.0.0.1/32",
                    "QUARKUS_MAILER_HOST", "127.0.0.1", "QUARKUS_MAILER_PORT", String.valueOf(MailServer.start()),
                    "KCZG_NOTIFICATIONS_MAIL_SEND_TIMEOUT", "5s"));
        }
        return shared;
    }

    /** A suite of its own with extra settings (environment of the launcher and the apps); close() stops it. */
    static LaunchedSuite start(Map<String, String> settings) {
        try {
            return new LaunchedSuite(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ./kczg stop INSTANCE}, e.g. {@code registration-service.2}: returns once the process is gone. */
    void stopInstance(String name) {
        run(List.of(root.resolve("kczg").toString(), "stop", name));
    }

    /** {@code ./kczg ARGS…}, e.g. {@code kczg("stop", "kafka", "--kill")}: returns once the launcher has done it. */
    void kczg(String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("kczg").toString()));
        command.addAll(List.of(args));
        run(command);
    }

    /** The launched database, as its superuser sees it. */
    String postgresUrl() {
        return "jdbc:postgresql://127.0.0.1:" + env.get("KCZG_PG_PORT") + "/kczg?user=postgres";
    }

    /** The launched broker seen from the side (what was published, who consumes what); closed with the suite. */
    synchronized SuiteKafka kafka() {
        if (kafka == null) {
            kafka = new SuiteKafka(kafkaBootstrap());
        }
        return kafka;
    }

    /** Where the launched broker listens, for flows whose producer is not built yet. */
    String kafkaBootstrap() {
        return "127.0.0.1:" + env.get("KCZG_KAFKA_PORT");
    }

    /** What an instance (e.g. {@code review-service}, {@code gateway}) has logged so far ({@code $KCZG_HOME/logs}). */
    String log(String instance) {
        try {
            return Files.readString(home.resolve("logs").resolve(instance + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file the suite has logged to so far: each instance's, the broker's, the database's and the launcher's. */
    List<Path> logFiles() {
        try (var files = Files.list(home.resolve("logs"))) {
            List<Path> all = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
            all.add(log);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gateway's security log as written so far, every day file ({@code $KCZG_HOME/security-log}). */
    String securityLog() {
        try (var files = Files.list(home.resolve("security-log"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ./kczg verify-security-log}: what it printed (it fails unless the chain holds). */
    String verifySecurityLog() {
        return run(List.of(root.resolve("kczg").toString(), "verify-security-log"));
    }

    /** The launcher's development key pair ({@code private.pem}, {@code public.pem}). */
    Path keys() {
        return home.resolve("keys");
    }

    /** {@code ./kczg token ROLE [options]}. */
    String token(String role, String... options) {
        List<String> command = new ArrayList<>(List.of(root.resolve("kczg").toString(), "token", role));
        command.addAll(List.of(options));
        return run(command);
    }

    private String run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (!launcher.isAlive()) {
            return;
        }
        launcher.destroy(); // SIGTERM: the launcher's trap stops every part
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                ProcessBuilder down = new ProcessBuilder(root.resolve("kczg").toString(), "down").inheritIO();
                down.environment().putAll(env);
                down.start().waitFor(60, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            launcher.destroyForcibly();
        }
    }
}
