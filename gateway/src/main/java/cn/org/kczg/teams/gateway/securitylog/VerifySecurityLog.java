package cn.org.kczg.teams.gateway.securitylog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * {@code ./kczg verify-security-log [DIR]}: recomputes the chain over every day file, oldest first, and prints
 * {@code OK} with the count, or the first broken line (exit 1). The oldest file's first line may follow a file that
 * retention deleted: its {@code prev} is taken as given. A line removed at the very end leaves no trace in a chain:
 * the newest anchor the gateway published ({@link Anchor}, read from Kafka: {@code --kafka HOST:PORT} or the
 * gateway's {@code KAFKA_*} settings) names a line number and hash the log must still reach, else it was
 * truncated (exit 1). An anchor that cannot be read: exit 2, unless {@code --no-anchor}.
 */
public final class VerifySecurityLog {
    /** The gateway's default anchor topic ({@code kczg.gateway.security-log.anchor-topic}). */
    public static final String ANCHOR_TOPIC = "security-log.anchors";
    private static final String USAGE = "usage: VerifySecurityLog [DIR] [--kafka HOST:PORT] [--topic TOPIC] "
            + "[--chain NAME] [--no-anchor]";

    /** What the verifier found: {@code broken} is null when the chain holds (and reaches its anchor, if given). */
    public record Result(long lines, int files, String lastHash, String broken) {
        public boolean ok() {
            return broken == null;
        }
    }

    private VerifySecurityLog() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.getenv(), System.out));
    }

    /** The command: 0 when the chain holds and reaches its anchor, 1 when broken or truncated, 2 when unverified. */
    public static int run(String[] args, Map<String, String> env, PrintStream out) throws IOException {
        Path dir = null;
        String bootstrap = null;
        String topic = ANCHOR_TOPIC;
        String chain = null;
        boolean anchored = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-anchor")) {
                anchored = false;
            } else if (List.of("--kafka", "--topic", "--chain").contains(arg) && i + 1 < args.length) {
                String value = args[++i];
                switch (arg) {
                    case "--kafka" -> bootstrap = value;
                    case "--topic" -> topic = value;
                    default -> chain = value;
                }
            } else if (!arg.startsWith("--") && dir == null) {
                dir = Path.of(arg);
            } else {
                out.println(USAGE);
                return 2;
            }
        }
        dir = dir != null ? dir : Path.of("security-log");
        chain = chain != null ? chain : chainOf(dir);
        Anchor anchor = null;
        String anchorNote;
        if (!anchored) {
            anchorNote = "not checked against an anchor (--no-anchor)";
        } else {
            Properties client = kafkaClient(env);
            if (bootstrap != null) {
                client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            }
            if (!client.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                out.println("UNVERIFIED no broker to read the anchor from: --kafka HOST:PORT or KAFKA_BOOTSTRAP_SERVERS"
                        + " (or --no-anchor, and a cut tail goes unnoticed)");
                return 2;
            }
            try {
                anchor = AnchorTopic.latest(client, topic, chain).orElse(null);
            } catch (RuntimeException e) {
                out.println("UNVERIFIED the anchor of chain " + chain + " could not be read from " + topic + " ("
                        + e + "): is the broker up? (or --no-anchor, and a cut tail goes unnoticed)");
                return 2;
            }
            anchorNote = anchor == null ? "no anchor of chain " + chain + " in " + topic + " yet"
                    : "reaches the anchor of " + anchor.at() + " (line " + anchor.seq() + ")";
        }
        Result result = verify(dir, anchor);
        if (result.ok()) {
            out.printf("OK %d entries in %d files (%s), last hash %s; %s%n", result.lines(), result.files(), dir,
                    result.lastHash(), anchorNote);
            return 0;
        }
        out.println("BROKEN " + result.broken());
        return 1;
    }

    /** The chain a log directory holds, as its anchors are keyed: the directory's name. */
    public static String chainOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "security-log" : name.toString();
    }

    /** The gateway's Kafka client settings from its environment, read as the kit's KafkaClientConfig reads them. */
    static Properties kafkaClient(Map<String, String> env) {
        Properties props = new Properties();
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                String key = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
                if (ConsumerConfig.configNames().contains(key)) {
                    props.put(key, value);
                }
            }
        });
        return props;
    }

    public static Result verify(Path dir) throws IOException {
        return verify(dir, null);
    }

    /** Checks the chain and, when {@code anchor} is given, that it still reaches the anchor's line and hash. */
    public static Result verify(Path dir, Anchor anchor) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new Result(0, 0, null, dir + ": no such directory");
        }
        List<Path> files = DayFiles.list(dir);
        String prev = null;
        long count = 0;
        long lastSeq = 0;
        String anchoredHash = null;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String where = file.getFileName() + ":" + (i + 1);
                String line = lines.get(i);
                if (line.isEmpty() && i == lines.size() - 1) {
                    continue;
                }
                Map<String, Object> entry;
                try {
                    entry = ChainedLines.parse(line);
                } catch (IOException e) {
                    return new Result(count, files.size(), prev, where + ": not a JSON line");
                }
                Object linePrev = entry.get(ChainedLines.PREV);
                Object hash = entry.get(ChainedLines.HASH);
                if (!(linePrev instanceof String p) || !(hash instanceof String)) {
                    return new Result(count, files.size(), prev, where + ": no prev or hash");
                }
                if (prev != null && !prev.equals(p)) {
                    return new Result(count, files.size(), prev, where + ": prev " + p + " is not the hash of the "
                            + "line before (" + prev + "): a line before it was removed or changed");
                }
                if (!ChainedLines.line(entry, p).equals(line)) {
                    return new Result(count, files.size(), prev, where + ": its hash does not match its content: "
                            + "the line was changed");
                }
                prev = (String) hash;
                count++;
                lastSeq = DayFiles.seqOf(entry);
                if (anchor != null && lastSeq == anchor.seq()) {
                    anchoredHash = prev;
                }
            }
        }
        if (anchor != null && anchoredHash == null && lastSeq < anchor.seq()) {
            return new Result(count, files.size(), prev, "truncated: the log ends at line " + lastSeq
                    + ", but the anchor of " + anchor.at() + " names line " + anchor.seq() + " (" + anchor.hash()
                    + "): lines at its end were removed");
        }
        if (anchoredHash != null && !anchoredHash.equals(anchor.hash())) {
            return new Result(count, files.size(), prev, "truncated: line " + anchor.seq() + " has the hash "
                    + anchoredHash + ", but the anchor of " + anchor.at() + " names " + anchor.hash()
                    + ": the log was cut and written anew");
        }
        return new Result(count, files.size(), prev, null);
    }
}
