package cn.org.kczg.teams.review.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.kit.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PanelTest {
    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    /** Every criterion scored {@code art6} (Art. 6) and {@code art9} (Art. 9). */
    static Map<String, Integer> scores(int art6, int art9) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (ReviewCriterion c : ReviewCriterion.values()) {
            scores.put(c.name(), c.priority() ? art9 : art6);
        }
        return scores;
    }

    private static Map<String, BigDecimal> sheet(int art6, int art9) {
        Map<String, BigDecimal> sheet = new LinkedHashMap<>();
        scores(art6, art9).forEach((k, v) -> sheet.put(k, BigDecimal.valueOf(v)));
        return sheet;
    }

    @Test
    void replacingThePanelKeepsTheScoresOfMembersWhoStay() {
        Panel first = Panel.appointed(List.of("a", "b"), "a", null).withScores("a", scores(8, 6), "好", NOW)
                .withScores("b", scores(4, 2), "一般", NOW);
        Panel second = Panel.appointed(List.of("a", "c"), "c", first);
        assertEquals(scores(8, 6), second.member("a").orElseThrow().scores());
        assertFalse(second.member("c").orElseThrow().scored());
        assertEquals(List.of("c"), second.addedSince(first));
        assertEquals(List.of("c"), second.awaiting());
        assertEquals("c", second.chair());
        assertTrue(second.scoringRequired());
    }

    @Test
    void meansArePerCriterionAndOverallOverMembersNotRecused() {
        Panel p = Panel.appointed(List.of("a", "b", "c"), "a", null).withScores("a", scores(8, 6), "好", NOW)
                .withScores("b", scores(6, 3), "一般", NOW).withRecusal("c", NOW);
        assertEquals(7.0, p.means().get("ART6_EXPERIENCE"));
        assertEquals(4.5, p.means().get("ART9_KEY_FIELDS"));
        // 3 Art. 6 criteria and 4 Art. 9 ones: (3×8 + 4×6 + 3×6 + 4×3) / 14
        assertEquals(5.57, p.overallMean().orElseThrow());
        assertTrue(p.complete(), "the recused member is not awaited");
        assertEquals(List.of(), p.awaiting());
    }

    @Test
    void theArt9MeanRanksOnlyOnceEveryMemberHasScored() {
        Panel p = Panel.appointed(List.of("a", "b"), "a", null).withScores("a", scores(8, 6), "好", NOW);
        assertEquals(Optional.empty(), p.priority());
        p = p.withScores("b", scores(8, 9), "好", NOW);
        assertEquals(Optional.of(75.0), p.priority());
        assertEquals(75.0, p.priorityParts().values().stream().mapToDouble(Double::doubleValue).sum(), 0.01);
        assertEquals(Optional.empty(), p.withoutScores().priority());
    }

    @Test
    void aRecusalClearsTheMembersScoresAndOutlivesTheirRemoval() {
        Panel p = Panel.appointed(List.of("a", "b"), "a", null).withScores("b", scores(9, 9), "好", NOW)
                .withRecusal("b", NOW);
        assertTrue(p.counted().isEmpty());
        Panel single = Panel.single("a", p);
        assertTrue(single.isRecused("b"));
        assertFalse(single.scoringRequired());
    }

    @Test
    void aScoreSheetNeedsEveryCriterionAsAWholeNumberFromZeroToTen() {
        assertEquals(scores(10, 0), ScoreRules.validated(sheet(10, 0)));
        for (String bad : List.of("11", "-1", "5.5", "1e30")) {
            Map<String, BigDecimal> s = sheet(5, 5);
            s.put("ART9_RESOURCES", new BigDecimal(bad));
            ProblemException e = assertThrows(ProblemException.class, () -> ScoreRules.validated(s), bad);
            assertEquals("scores.ART9_RESOURCES", e.errors().get(0).field());
        }
        Map<String, BigDecimal> missing = sheet(5, 5);
        missing.remove("ART6_CAPACITY");
        assertEquals("scores.ART6_CAPACITY", assertThrows(ProblemException.class,
                () -> ScoreRules.validated(missing)).errors().get(0).field());
        Map<String, BigDecimal> unknown = sheet(5, 5);
        unknown.put("ART7_MEMBERS", BigDecimal.ONE);
        assertEquals("scores", assertThrows(ProblemException.class,
                () -> ScoreRules.validated(unknown)).errors().get(0).field());
        assertEquals("scores", assertThrows(ProblemException.class,
                () -> ScoreRules.validated(null)).errors().get(0).field());
        assertEquals("comment", assertThrows(ProblemException.class,
                () -> ScoreRules.comment(" ")).errors().get(0).field());
    }
}
