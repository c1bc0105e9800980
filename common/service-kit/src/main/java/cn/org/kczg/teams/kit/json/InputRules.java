package cn.org.kczg.teams.kit.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import cn.org.kczg.teams.kit.problem.Text;
import java.util.Optional;

/**
 * What every text, number and date a client sends must be, in bodies, query strings and paths alike: text
 * without control characters (NUL and the rest of C0 and C1, tab and line breaks allowed) and without lone
 * surrogates; numbers finite, below {@value #MAX_MAGNITUDE_TEXT} in size and with at most {@value #MAX_SCALE}
 * decimals; dates between {@link #EARLIEST} and {@link #LATEST}. Each check answers why a value breaks the rule, or
 * nothing.
 */
public final class InputRules {
    static final String MAX_MAGNITUDE_TEXT = "10^15";
    static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(15);
    static final int MAX_SCALE = 6;
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private InputRules() {
    }

    public static Optional<Text> text(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of(Text.of("rule.control-character", String.format("U+%04X", (int) c)));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(Text.of("rule.lone-surrogate"));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(Text.of("rule.lone-surrogate"));
            }
        }
        return Optional.empty();
    }

    public static Optional<Text> number(BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.abs().compareTo(MAX_MAGNITUDE) >= 0) {
            return Optional.of(Text.of("rule.magnitude", MAX_MAGNITUDE_TEXT));
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            return Optional.of(Text.of("rule.scale", MAX_SCALE));
        }
        return Optional.empty();
    }

    public static Optional<Text> number(double value) {
        if (!Double.isFinite(value)) {
            return Optional.of(Text.of("rule.finite"));
        }
        return Math.abs(value) >= MAX_MAGNITUDE.doubleValue() ? Optional.of(Text.of("rule.magnitude",
                MAX_MAGNITUDE_TEXT)) : Optional.empty();
    }

    public static Optional<Text> date(LocalDate value) {
        if (value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST))) {
            return Optional.empty();
        }
        return Optional.of(Text.of("rule.date-range", EARLIEST, LATEST));
    }

    public static Optional<Text> instant(Instant value) {
        if (value == null) {
            return Optional.empty();
        }
        return date(LocalDate.ofInstant(value, java.time.ZoneOffset.UTC))
                .map(why -> Text.of("rule.time-range", EARLIEST, LATEST));
    }
}
