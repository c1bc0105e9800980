package cn.org.kczg.teams.gateway.securitylog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash chain on disk: across days and restarts, and what the verifier finds when it is tampered with. */
class ChainTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private void write(LocalDate day, int n) throws IOException {
        try (DayFiles files = new DayFiles(dir)) {
            for (int i = 0; i < n; i++) {
                files.append(day, Map.of("event", "staff-action", "path", "/api/v1/teams/" + i, "status", 200));
            }
        }
    }

    @Test
    void theChainContinuesAcrossARestartAndIntoTheNextDaysFile() throws IOException {
        write(DAY, 2);
        write(DAY, 1); // a restart: a new writer reads the last hash
        write(DAY.plusDays(1), 2);

        List<String> first = Files.readAllLines(dir.resolve("security-2026-11-30.jsonl"));
        List<String> second = Files.readAllLines(dir.resolve("security-2026-12-01.jsonl"));
        assertEquals(3, first.size());
        assertEquals(ChainedLines.GENESIS, ChainedLines.parse(first.get(0)).get("prev"));
        assertEquals(ChainedLines.parse(first.get(1)).get("hash"), ChainedLines.parse(first.get(2)).get("prev"));
        assertEquals(ChainedLines.parse(first.get(2)).get("hash"), ChainedLines.parse(second.get(0)).get("prev"));
        VerifySecurityLog.Result result = VerifySecurityLog.verify(dir);
        assertTrue(result.ok(), result.broken());
        assertEquals(5, result.lines());
    }

    @Test
    void theHashIsSha256OfThePreviousHashAndTheCanonicalEntry() throws IOException {
        write(DAY, 1);
        Map<String, Object> line = ChainedLines.parse(Files.readAllLines(dir.resolve("security-2026-11-30.jsonl"))
                .get(0));
        assertEquals(ChainedLines.hash(ChainedLines.GENESIS,
                "{\"event\":\"staff-action\",\"path\":\"/api/v1/teams/0\",\"seq\":1,\"status\":200}"), line.get("hash"));
    }

    @Test
    void aChangedLineIsFoundByTheVerifier() throws IOException {
        write(DAY, 3);
        Path file = dir.resolve("security-2026-11-30.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("\"status\":200", "\"status\":201"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        VerifySecurityLog.Result result = VerifySecurityLog.verify(dir);
        assertFalse(result.ok());
        assertTrue(result.broken().startsWith("security-2026-11-30.jsonl:2: "), result.broken());
        assertEquals(1, result.lines());
    }

    @Test
    void aDeletedLineIsFoundByTheVerifier() throws IOException {
        write(DAY, 3);
        write(DAY.plusDays(1), 1);
        Path file = dir.resolve("security-2026-11-30.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines, StandardCharsets.UTF_8);

        VerifySecurityLog.Result result = VerifySecurityLog.verify(dir);
        assertFalse(result.ok());
        assertTrue(result.broken().startsWith("security-2026-11-30.jsonl:2: prev "), result.broken());
    }

    @Test
    void aDeletedDayFileInTheMiddleIsFound() throws IOException {
        write(DAY, 1);
        write(DAY.plusDays(1), 1);
        write(DAY.plusDays(2), 1);
        Files.delete(dir.resolve("security-2026-12-01.jsonl"));

        assertFalse(VerifySecurityLog.verify(dir).ok());
    }

    @Test
    void retentionDeletesWholeDaysOnlyOnceTheyArePastIt() throws IOException {
        write(DAY.minusDays(181), 1);
        write(DAY.minusDays(180), 1);
        write(DAY, 1);
        assertEquals(List.of(dir.resolve("security-" + DAY.minusDays(181) + ".jsonl")),
                DayFiles.purge(dir, DAY, Period.ofDays(180)));
        assertEquals(2, DayFiles.list(dir).size());
        // the oldest file left starts where a deleted one ended: its prev is taken as given
        assertTrue(VerifySecurityLog.verify(dir).ok());
    }

    private Anchor headAsAnchor() throws IOException {
        try (DayFiles files = new DayFiles(dir)) {
            return new Anchor("test", files.head().seq(), files.head().hash(), java.time.Instant.now());
        }
    }

    private void cutLastLine(String file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(file)));
        lines.remove(lines.size() - 1);
        Files.write(dir.resolve(file), lines, StandardCharsets.UTF_8);
    }

    @Test
    void linesAreNumberedOnAcrossRestartsAndDays() throws IOException {
        write(DAY, 2);
        write(DAY.plusDays(1), 1);
        assertEquals(3L, ((Number) ChainedLines.parse(Files.readAllLines(dir.resolve("security-2026-12-01.jsonl"))
                .get(0)).get("seq")).longValue());
        assertEquals(3, headAsAnchor().seq());
    }

    @Test
    void aCutTailPassesTheChainButNotItsAnchor() throws IOException {
        write(DAY, 3);
        Anchor anchor = headAsAnchor();
        assertTrue(VerifySecurityLog.verify(dir, anchor).ok());
        cutLastLine("security-2026-11-30.jsonl");

        assertTrue(VerifySecurityLog.verify(dir).ok(), "a chain alone cannot tell");
        VerifySecurityLog.Result result = VerifySecurityLog.verify(dir, anchor);
        assertFalse(result.ok());
        assertTrue(result.broken().startsWith("truncated: the log ends at line 2, but the anchor"), result.broken());
    }

    @Test
    void aTailCutAndWrittenAnewDoesNotMatchTheAnchorsHash() throws IOException {
        write(DAY, 3);
        Anchor anchor = headAsAnchor();
        cutLastLine("security-2026-11-30.jsonl");
        write(DAY, 1); // line 3 again, with another hash

        VerifySecurityLog.Result result = VerifySecurityLog.verify(dir, anchor);
        assertFalse(result.ok());
        assertTrue(result.broken().startsWith("truncated: line 3 has the hash "), result.broken());
    }

    @Test
    void linesAfterTheAnchorAreFine() throws IOException {
        write(DAY, 2);
        Anchor anchor = headAsAnchor();
        write(DAY.plusDays(1), 2);
        assertTrue(VerifySecurityLog.verify(dir, anchor).ok());
    }

    @Test
    void theCommandWithoutABrokerIsUnverifiedUnlessToldNotToAnchor() throws IOException {
        write(DAY, 1);
        var out = new java.io.ByteArrayOutputStream();
        assertEquals(2, VerifySecurityLog.run(new String[] {dir.toString()}, Map.of(),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("UNVERIFIED no broker"), out.toString());
        assertEquals(0, VerifySecurityLog.run(new String[] {dir.toString(), "--no-anchor"}, Map.of(),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
}
