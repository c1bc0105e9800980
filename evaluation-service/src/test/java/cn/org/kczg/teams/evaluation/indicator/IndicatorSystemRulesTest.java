package cn.org.kczg.teams.evaluation.indicator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.evaluation.indicator.Indicator.Band;
import cn.org.kczg.teams.evaluation.indicator.Indicator.Scoring;
import cn.org.kczg.teams.kit.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorSystemRulesTest {

    static Indicator linear(Dimension d, String code, String metric, int weight, int target) {
        return new Indicator(d, code, "指标" + code, metric, BigDecimal.valueOf(weight), Scoring.LINEAR,
                BigDecimal.valueOf(target), null);
    }

    static List<Indicator> valid() {
        return new ArrayList<>(List.of(linear(Dimension.ORGANISATION, "O1", "uploads.on-time-rate", 30, 100),
                linear(Dimension.CONTENT, "C1", "activities", 40, 10),
                linear(Dimension.EFFECT, "E1", "tickets.resolved", 30, 10)));
    }

    static SystemDraft draft(List<Indicator> indicators) {
        return new SystemDraft(2026, "测试体系", indicators, List.of(), null, null);
    }

    private static String fieldOf(Runnable check) {
        ProblemException e = assertThrows(ProblemException.class, check::run);
        return e.getMessage() + " " + e.errors();
    }

    @Test
    void weightsMustSumToHundred() {
        assertDoesNotThrow(() -> IndicatorSystemRules.check(draft(valid())));
        List<Indicator> indicators = valid();
        indicators.set(2, linear(Dimension.EFFECT, "E1", "tickets.resolved", 29, 10));
        String failure = fieldOf(() -> IndicatorSystemRules.check(draft(indicators)));
        assertTrue(failure.contains("indicators") && failure.contains("99"), failure);
    }

    @Test
    void everyDimensionNeedsAnIndicator() {
        List<Indicator> indicators = List.of(linear(Dimension.ORGANISATION, "O1", "uploads.on-time-rate", 50, 100),
                linear(Dimension.CONTENT, "C1", "activities", 50, 10));
        assertTrue(fieldOf(() -> IndicatorSystemRules.check(draft(indicators))).contains("EFFECT"));
    }

    @Test
    void metricsComeFromTheCatalogueAndPenaltiesOnlySubtract() {
        List<Indicator> unknown = valid();
        unknown.set(1, linear(Dimension.CONTENT, "C1", "press-coverage", 40, 10));
        assertTrue(fieldOf(() -> IndicatorSystemRules.check(draft(unknown))).contains("indicators[1].metric"));
        List<Indicator> penalty = valid();
        penalty.set(1, linear(Dimension.CONTENT, "C1", "complaints.upheld", 40, 10));
        assertTrue(fieldOf(() -> IndicatorSystemRules.check(draft(penalty))).contains("penalties"));
        SystemDraft badPenalty = new SystemDraft(2026, "测试体系", valid(),
                List.of(new Penalty("activities", BigDecimal.ONE)), null, null);
        assertTrue(fieldOf(() -> IndicatorSystemRules.check(badPenalty)).contains("penalties[0].metric"));
    }

    @Test
    void scoringNeedsItsParametersAndCodesAreUnique() {
        List<Indicator> noTarget = valid();
        noTarget.set(1, new Indicator(Dimension.CONTENT, "C1", "场次", "activities", BigDecimal.valueOf(40),
                Scoring.LINEAR, null, null));
        assertTrue(fieldOf(() -> IndicatorSystemRules.check(draft(noTarget))).contains("indicators[1].target"));
        List<Indicator> noBands = valid();
        noBands.set(1, new Indicator(Dimension.CONTENT, "C1", "场次", "activities", BigDecimal.valueOf(40),
                Scoring.BANDED, null, List.of()));
        assertTrue(fieldOf(() -> IndicatorSystemRules.check(draft(noBands))).contains("indicators[1].bands"));
        List<Indicator> banded = valid();
        banded.set(1, new Indicator(Dimension.CONTENT, "C1", "场次", "activities", BigDecimal.valueOf(40),
                Scoring.BANDED, null, List.of(new Band(BigDecimal.ONE, BigDecimal.TEN),
                        new Band(BigDecimal.TEN, BigDecimal.valueOf(100)))));
        assertDoesNotThrow(() -> IndicatorSystemRules.check(draft(banded)));
        List<Indicator> twice = valid();
        twice.set(2, linear(Dimension.EFFECT, "C1", "tickets.resolved", 30, 10));
        assertTrue(fieldOf(() -> IndicatorSystemRules.check(draft(twice))).contains("indicators[2].code"));
    }

    @Test
    void gradeBandsMustDescend() {
        SystemDraft draft = new SystemDraft(2026, "测试体系", valid(), List.of(),
                new GradeBands(BigDecimal.valueOf(80), BigDecimal.valueOf(85), BigDecimal.valueOf(60)), null);
        assertEquals(true, fieldOf(() -> IndicatorSystemRules.check(draft)).contains("gradeBands"));
    }
}
