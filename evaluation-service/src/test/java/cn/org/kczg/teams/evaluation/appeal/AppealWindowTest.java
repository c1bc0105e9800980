package cn.org.kczg.teams.evaluation.appeal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppealWindowTest {
    private static final Instant DECIDED = Instant.parse("2026-03-01T02:00:00Z");
    private final AppealWindow window = new AppealWindow(Duration.ofDays(30));

    @Test
    void isOpenFromTheDecisionUntilJustBeforeItsEnd() {
        assertTrue(window.isOpen(DECIDED, DECIDED));
        assertTrue(window.isOpen(DECIDED, DECIDED.plus(Duration.ofDays(30)).minusSeconds(1)));
        assertEquals(Instant.parse("2026-03-31T02:00:00Z"), window.closesAt(DECIDED));
    }

    @Test
    void isClosedAtItsEndAndBeforeTheDecision() {
        assertFalse(window.isOpen(DECIDED, DECIDED.plus(Duration.ofDays(30))));
        assertFalse(window.isOpen(DECIDED, DECIDED.minusSeconds(1)));
    }
}
