package cn.org.kczg.teams.gateway.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void starsMatchAnyCharacters() {
        assertTrue(new Glob("ticket.*").matches("ticket.created"));
        assertTrue(new Glob("*.created").matches("ticket.created"));
        assertTrue(new Glob("t*t.c*d").matches("ticket.created"));
        assertTrue(new Glob("ticket.created").matches("ticket.created"));
        assertTrue(new Glob("*").matches(""));
        assertFalse(new Glob("ticket.*").matches("team.activated"));
        assertFalse(new Glob("ticket").matches("ticket.created"));
        assertFalse(new Glob("").matches("x"));
    }

    @Test
    void starsThatWouldMakeARegexBacktrackForeverAreHarmless() {
        // the pattern that froze an event loop: forty stars and a character no type has (the time limit only
        // stops a hang, as the regex had: it never returned)
        Glob hostile = new Glob("*".repeat(40) + "!");
        String type = "application.submitted-" + "x".repeat(60);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 20_000; i++) {
                assertFalse(hostile.matches(type));
            }
        });
        Glob alternating = new Glob("*a".repeat(45) + "!");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(alternating.matches("a".repeat(100))));
    }

    @Test
    void overlongPatternsAndTooManyAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Glob("x".repeat(101)));
        assertThrows(IllegalArgumentException.class, () -> EventFilter.of("a,".repeat(21) + "b", null, null));
    }
}
