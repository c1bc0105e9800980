package cn.org.kczg.teams.gateway.securitylog;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log on disk: one file per day ({@code security-2026-12-01.jsonl}, Beijing days), a line per entry, opened for
 * appending only (O_APPEND) and never rewritten; the chain runs on across files and restarts. Each line carries its
 * sequence number ({@code seq}, 1 for the chain's first line), so an anchor can name the head by number and hash.
 * Not thread-safe: one writer thread owns it.
 */
public final class DayFiles implements AutoCloseable {
    static final Pattern NAME = Pattern.compile("security-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");

    static final String SEQ = "seq";

    private final Path dir;
    private String prev;
    private long seq;
    private LocalDate day;
    private FileChannel channel;

    public DayFiles(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        Optional<Map<String, Object>> last = lastEntry(dir);
        this.prev = last.map(e -> (String) e.get(ChainedLines.HASH)).orElse(ChainedLines.GENESIS);
        this.seq = last.map(DayFiles::seqOf).orElse(0L);
    }

    /** The chain's last line: its sequence number and hash (0 and the genesis hash before the first line). */
    public Head head() {
        return new Head(seq, prev);
    }

    /** The newest line of a chain. */
    public record Head(long seq, String hash) {
    }

    /** A line's sequence number; 0 for a line written before lines had one. */
    static long seqOf(Map<String, Object> entry) {
        return entry.get(SEQ) instanceof Number n ? n.longValue() : 0L;
    }

    /** The day files of {@code dir}, oldest first. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** Appends the entry as the day's next line; returns its hash. */
    public String append(LocalDate today, Map<String, Object> entry) throws IOException {
        if (!today.equals(day)) {
            close();
            channel = FileChannel.open(dir.resolve("security-" + today + ".jsonl"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            day = today;
        }
        Map<String, Object> numbered = new java.util.TreeMap<>(entry);
        numbered.put(SEQ, seq + 1);
        String line = ChainedLines.line(numbered, prev);
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
        prev = (String) ChainedLines.parse(line).get(ChainedLines.HASH);
        seq++;
        return prev;
    }

    /** Deletes the day files of {@code dir} whose whole day lies more than {@code retention} before {@code today}. */
    public static List<Path> purge(Path dir, LocalDate today, Period retention) throws IOException {
        LocalDate keepFrom = today.minus(retention);
        List<Path> gone = list(dir).stream().filter(f -> dayOf(f).isBefore(keepFrom)).toList();
        for (Path file : gone) {
            Files.deleteIfExists(file);
        }
        return gone;
    }

    static LocalDate dayOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return LocalDate.parse(m.group(1));
    }

    /** The newest file's last line, where the chain goes on. */
    static Optional<Map<String, Object>> lastEntry(Path dir) throws IOException {
        List<Path> files = list(dir);
        for (int i = files.size() - 1; i >= 0; i--) {
            Optional<String> last = lastLine(files.get(i));
            if (last.isPresent()) {
                return Optional.of(ChainedLines.parse(last.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lastLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            while (end > 0) {
                raf.seek(end - 1);
                if (raf.read() != '\n') {
                    break;
                }
                end--;
            }
            if (end == 0) {
                return Optional.empty();
            }
            long start = end - 1;
            while (start > 0) {
                raf.seek(start - 1);
                if (raf.read() == '\n') {
                    break;
                }
                start--;
            }
            byte[] bytes = new byte[(int) (end - start)];
            raf.seek(start);
            raf.readFully(bytes);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
            day = null;
        }
    }
}
