package cn.org.kczg.teams.kit.export;

import java.util.function.Function;

/** One column of an export: its Chinese header and how a row gives its value (text, number, boolean, time, or null). */
public record Column<T>(String header, Function<T, Object> value) {
    public static <T> Column<T> of(String header, Function<T, Object> value) {
        return new Column<>(header, value);
    }
}
