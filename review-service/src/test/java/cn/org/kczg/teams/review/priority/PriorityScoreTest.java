package cn.org.kczg.teams.review.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityScoreTest {
    private static final PriorityScore.Weights DEFAULTS = new PriorityScore.Weights(25, 15, 10, 20, 30, 200,
            new BigDecimal("1000000"), 10);

    @Test
    void aFullApplicationScoresOneHundredAndAnEmptyOneZero() {
        var full = PriorityScore.of(new PriorityScore.Inputs("基".repeat(200), new BigDecimal("1000000"), 10,
                "续".repeat(200), List.of("智能制造"), List.of("智能制造", "新材料")), DEFAULTS);
        assertEquals(100.0, full.score());
        var empty = PriorityScore.of(new PriorityScore.Inputs(null, null, null, null, List.of(), List.of()), DEFAULTS);
        assertEquals(0.0, empty.score());
    }

    @Test
    void eachPartIsShownAndTheyAddUp() {
        var r = PriorityScore.of(new PriorityScore.Inputs("基".repeat(100), new BigDecimal("500000"), 5, null,
                List.of("智能制造", "纺织"), List.of("智能制造")), DEFAULTS);
        assertEquals(12.5, r.parts().get("workFoundation"));
        assertEquals(7.5, r.parts().get("budget"));
        assertEquals(5.0, r.parts().get("staff"));
        assertEquals(0.0, r.parts().get("continuity"));
        assertEquals(30.0, r.parts().get("keyFields"));
        assertEquals(55.0, r.score());
    }

    @Test
    void weightsAreNormalisedToOneHundredAndCapsHold() {
        var doubled = new PriorityScore.Weights(50, 30, 20, 40, 60, 200, new BigDecimal("1000000"), 10);
        var r = PriorityScore.of(new PriorityScore.Inputs("基".repeat(999), new BigDecimal("9999999"), 99,
                "续".repeat(999), List.of("A"), List.of("a")), doubled);
        assertEquals(100.0, r.score());
        assertTrue(r.parts().values().stream().allMatch(v -> v >= 0));
    }
}
