package cn.org.kczg.teams.kit.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;

/** A value as an export cell writes it: Beijing time, lists joined, and text that a spreadsheet would run defused. */
public final class Cells {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

    private Cells() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text;
        if (value instanceof Instant i) {
            text = TIME.format(i);
        } else if (value instanceof LocalDate d) {
            text = d.toString();
        } else if (value instanceof Collection<?> c) {
            text = String.join("；", c.stream().map(Cells::text).toList());
        } else if (value instanceof Object[] array) {
            text = text(Arrays.asList(array));
        } else {
            text = value.toString();
        }
        return defused(text);
    }

    /**
     * Text a spreadsheet would take for a formula ({@code = + - @}, or a tab or carriage return first) is written with
     * a leading apostrophe (OWASP's CSV-injection advice); NUL and other control characters but tab and line breaks
     * are dropped.
     */
    public static String defused(String text) {
        String clean = text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
        if (!clean.isEmpty() && "=+-@\t\r".indexOf(clean.charAt(0)) >= 0) {
            return "'" + clean;
        }
        return clean;
    }
}
