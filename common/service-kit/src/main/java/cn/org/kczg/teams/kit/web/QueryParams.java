package cn.org.kczg.teams.kit.web;

import cn.org.kczg.teams.kit.json.InputRules;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters read by hand, so a bad value is a 400 that names the parameter, not a 404. */
public final class QueryParams {
    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, Text.of("json.one-of", Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    /** A text filter: null when left out or blank, trimmed; at most {@code max} characters, no control characters. */
    public static String text(String name, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > max) {
            throw ProblemException.invalid(name, Text.of("rule.magnitude", max));
        }
        if (raw.chars().anyMatch(c -> c < 0x20)) {
            throw ProblemException.invalid(name, Text.of("rule.control-character", "U+0000–U+001F"));
        }
        return raw.trim();
    }

    /** A day as {@code yyyy-MM-dd} within the platform's date range, or null when left out. */
    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, Text.of("query.date"));
        }
        InputRules.date(date).ifPresent(why -> {
            throw ProblemException.invalid(name, why);
        });
        return date;
    }
}
