package cn.org.kczg.teams.gateway.securitylog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kczg verify-security-log [DIR]}: recomputes the chain over every day file, oldest first, and prints
 * {@code OK} with the count, or the first broken line (exit 1). The oldest file's first line may follow a file that
 * retention deleted: its {@code prev} is taken as given. A line removed at the very end leaves no trace in a chain —
 * compare the last hash with one kept elsewhere for that.
 */
public final class VerifySecurityLog {

    /** What the verifier found: {@code broken} is null when the chain holds. */
    public record Result(long lines, int files, String lastHash, String broken) {
        public boolean ok() {
            return broken == null;
        }
    }

    private VerifySecurityLog() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "security-log");
        Result result = verify(dir);
        PrintStream out = System.out;
        if (result.ok()) {
            out.printf("OK %d entries in %d files (%s), last hash %s%n", result.lines(), result.files(), dir,
                    result.lastHash());
        } else {
            out.println("BROKEN " + result.broken());
            System.exit(1);
        }
    }

    public static Result verify(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new Result(0, 0, null, dir + ": no such directory");
        }
        List<Path> files = DayFiles.list(dir);
        String prev = null;
        long count = 0;
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
            }
        }
        return new Result(count, files.size(), prev, null);
    }
}
