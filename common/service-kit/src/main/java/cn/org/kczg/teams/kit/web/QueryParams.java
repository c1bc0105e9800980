package cn.org.kczg.teams.kit.web;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
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
}
