package cn.org.kczg.teams.kit.resilience;

import java.time.Duration;

/** Exponential back-off: {@code initial}, doubled after every failed attempt, never more than {@code max}. */
public record Backoff(Duration initial, Duration max) {
    /** The wait after the {@code failures}-th failure in a row (1 = the first). */
    public Duration after(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long millis = initial.toMillis();
        for (int i = 1; i < failures && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
