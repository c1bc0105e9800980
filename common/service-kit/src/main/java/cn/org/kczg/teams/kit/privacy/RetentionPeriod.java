package cn.org.kczg.teams.kit.privacy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;

/**
 * How long a kind of personal data is kept ({@code kczg.retention.<class>}): an ISO-8601 period ({@code P2Y},
 * {@code P10Y}) or duration ({@code PT10M}). {@link #cutoff} is the moment before which it has expired.
 */
public record RetentionPeriod(TemporalAmount amount) {
    public static RetentionPeriod parse(String text) {
        String t = text.strip().toUpperCase();
        try {
            return new RetentionPeriod(t.startsWith("PT") || t.contains("T") ? Duration.parse(t) : Period.parse(t));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 period or duration: " + text, e);
        }
    }

    public Instant cutoff(Instant now) {
        try {
            return now.atOffset(ZoneOffset.UTC).minus(amount).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            return Instant.MIN;
        }
    }
}
