package cn.org.kczg.teams.gateway.securitylog;

import cn.org.kczg.teams.gateway.GatewayConfig;
import cn.org.kczg.teams.platform.kafka.KafkaClientConfig;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Issue 24, Cybersecurity Law Art. 21: the gateway's security events in an append-only, hash-chained log
 * ({@link DayFiles}, checked by {@link VerifySecurityLog}), kept {@code kczg.gateway.security-log.retention}:
 * <ul>
 * <li>{@code denied}: the 401, 403 and 429 answers to one client (its token's subject, else a keyed hash of its
 * address — never the address) over a window, as one entry with their count, {@code burst} from the threshold on;</li>
 * <li>{@code staff-action}: every request but GET, HEAD and OPTIONS by an operator, reviewer or auditor — who, the
 * method, the path without its query, the status, the request id; never the body or the token.</li>
 * </ul>
 * One thread writes, in order, so a request never waits for the disk. The chain's head (line number and hash) is
 * published to a Kafka topic every {@code anchor-every} when it moved, and at shutdown ({@link AnchorPublisher}):
 * kept outside the log's storage, it lets {@link VerifySecurityLog} notice a cut tail, which a chain alone cannot.
 */
@ApplicationScoped
public class SecurityLog {
    private static final Logger LOG = Logger.getLogger(SecurityLog.class);
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Set<String> STAFF = Set.of(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR);
    private static final Set<Integer> DENIED = Set.of(401, 403, 429);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "kczg.personal-data.pepper")
    Optional<String> pepper;
    @Inject
    org.eclipse.microprofile.config.Config mpConfig;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private ExecutorService writer;
    private DayFiles files;
    private SecretKeySpec addressKey;
    private long timer = -1;
    private long anchorTimer = -1;
    private AnchorPublisher anchors;
    /** The chain's head after the writer's last append. */
    private volatile DayFiles.Head head;

    /** Denials of one kind to one client within a window. */
    private static final class Window {
        final Instant first;
        final String path;
        Instant last;
        int count;

        Window(Instant first, String path) {
            this.first = first;
            this.last = first;
            this.path = path;
        }
    }

    void start(@Observes StartupEvent event) throws IOException {
        if (config.securityLog().dir().isEmpty()) {
            LOG.warn("kczg.gateway.security-log.dir is not set: no security log is written");
            return;
        }
        Path dir = config.securityLog().dir().get();
        Path chainDir = config.securityLog().perHost() ? dir.resolve(hostName()) : dir;
        files = new DayFiles(chainDir);
        head = files.head();
        byte[] key = pepper.filter(p -> !p.isBlank()).map(p -> p.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> SecureRandom.getSeed(32));
        addressKey = new SecretKeySpec(key, "HmacSHA256");
        writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "security-log"));
        writer.execute(this::purge);
        long every = Math.max(1000, config.securityLog().window().toMillis() / 4);
        timer = vertx.setPeriodic(every, id -> closeWindows(false));
        Optional<String> topic = config.securityLog().anchorTopic().filter(t -> !t.isBlank());
        if (topic.isPresent()) {
            anchors = new AnchorPublisher(KafkaClientConfig.producer(mpConfig), topic.get(),
                    VerifySecurityLog.chainOf(chainDir), Clock.systemUTC());
            long anchorEvery = Math.max(1000, config.securityLog().anchorEvery().toMillis());
            // the publisher's send may wait for the broker's metadata: off the event loop
            anchorTimer = vertx.setPeriodic(anchorEvery, id -> vertx.executeBlocking(() -> {
                anchors.publish(head);
                return null;
            }, false));
        } else {
            LOG.warn("kczg.gateway.security-log.anchor-topic is not set: a cut tail of the security log goes unnoticed");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (writer == null) {
            return;
        }
        vertx.cancelTimer(timer);
        vertx.cancelTimer(anchorTimer);
        closeWindows(true);
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
            files.close();
            if (anchors != null) {
                anchors.publishAndWait(head, Duration.ofSeconds(5));
                anchors.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warnf("security log: %s", e.toString());
        }
    }

    public boolean enabled() {
        return writer != null;
    }

    /**
     * A finished request: {@code subject} and {@code roles} from its verified token (null without one),
     * {@code client} the address the edge named.
     */
    public void answered(String method, String path, int status, String requestId, String subject,
            Set<String> roles, String client) {
        if (!enabled()) {
            return;
        }
        Instant now = Instant.now();
        if (DENIED.contains(status)) {
            String who = subject != null ? "sub:" + subject : "client:" + addressHash(client);
            windows.compute(status + " " + who, (key, window) -> {
                if (window != null && now.isAfter(window.first.plus(config.securityLog().window()))) {
                    write(denied(key, window));
                    window = null;
                }
                Window open = window != null ? window : new Window(now, path);
                open.count++;
                open.last = now;
                return open;
            });
        }
        if (subject != null && roles != null && roles.stream().anyMatch(STAFF::contains)
                && !READS.contains(method)) {
            Map<String, Object> entry = new TreeMap<>();
            entry.put("at", now.toString());
            entry.put("event", "staff-action");
            entry.put("sub", subject);
            entry.put("roles", String.join(",", new TreeSet<>(roles)));
            entry.put("method", method);
            entry.put("path", path);
            entry.put("status", status);
            entry.put("requestId", requestId);
            write(entry);
        }
    }

    /** Writes every open window now, and waits until the writer has written everything before. */
    public void flush() {
        closeWindows(true);
        if (enabled()) {
            try {
                writer.submit(() -> null).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void closeWindows(boolean all) {
        Instant now = Instant.now();
        for (String key : windows.keySet()) {
            windows.computeIfPresent(key, (k, window) -> {
                if (all || now.isAfter(window.first.plus(config.securityLog().window()))) {
                    write(denied(k, window));
                    return null;
                }
                return window;
            });
        }
    }

    private Map<String, Object> denied(String key, Window window) {
        String[] parts = key.split(" ", 2);
        Map<String, Object> entry = new TreeMap<>();
        entry.put("at", window.last.toString());
        entry.put("event", "denied");
        entry.put("status", Integer.parseInt(parts[0]));
        entry.put("client", parts[1]);
        entry.put("count", window.count);
        entry.put("burst", window.count >= config.securityLog().burst());
        entry.put("from", window.first.toString());
        entry.put("path", window.path);
        return entry;
    }

    private void write(Map<String, Object> entry) {
        writer.execute(() -> {
            try {
                files.append(LocalDate.now(BEIJING), entry);
                head = files.head();
            } catch (IOException | RuntimeException e) {
                LOG.errorf("security log: could not append an entry: %s", e.toString());
            }
        });
    }

    private void purge() {
        try {
            Path root = config.securityLog().dir().get();
            List<Path> dirs = new ArrayList<>();
            if (config.securityLog().perHost()) {
                try (var each = Files.list(root)) {
                    each.filter(Files::isDirectory).forEach(dirs::add);
                }
            } else {
                dirs.add(root);
            }
            List<Path> deleted = new ArrayList<>();
            for (Path dir : dirs) {
                deleted.addAll(DayFiles.purge(dir, LocalDate.now(BEIJING), config.securityLog().retention()));
            }
            for (var gone : deleted) {
                LOG.infof("security log: deleted %s (older than %s)", gone.getFileName(),
                        config.securityLog().retention());
            }
        } catch (IOException e) {
            LOG.warnf("security log: retention: %s", e.toString());
        }
        // again tomorrow: the writer thread runs it, between entries
        vertx.setTimer(TimeUnit.HOURS.toMillis(24), id -> {
            if (!writer.isShutdown()) {
                writer.execute(this::purge);
            }
        });
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || !host.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,252}")) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "gateway";
            }
        }
        return host;
    }

    /** HMAC-SHA256 of the client address under the personal-data pepper: who it was, never where from. */
    private String addressHash(String client) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(addressKey);
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(client).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
