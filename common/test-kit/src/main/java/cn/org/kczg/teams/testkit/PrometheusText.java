package cn.org.kczg.teams.testkit;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one sample out of a Prometheus or OpenMetrics text exposition ({@code /q/metrics}): by name and the labels it
 * must carry (others may be there too); exemplars and timestamps are ignored.
 * {@code value(body, "kczg_tickets_overdue", "due", "resolution")}.
 */
public final class PrometheusText {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");

    private PrometheusText() {
    }

    /** The sample's value, or empty when no sample of that name carries those labels. */
    public static OptionalDouble find(String body, String name, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs: " + Arrays.toString(labels));
        }
        for (String line : body.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            // an OpenMetrics exemplar (" # {trace_id=…} 1.0 …") follows the sample's own value
            int exemplar = line.indexOf(" # ");
            Matcher m = SAMPLE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).strip());
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            String found = m.group(3) == null ? "" : m.group(3);
            boolean all = true;
            for (int i = 0; i < labels.length && all; i += 2) {
                all = hasLabel(found, labels[i], labels[i + 1]);
            }
            if (all) {
                return OptionalDouble.of(Double.parseDouble(m.group(4)));
            }
        }
        return OptionalDouble.empty();
    }

    /** The sample's value; fails naming what was looked for when there is none. */
    public static double value(String body, String name, String... labels) {
        return find(body, name, labels).orElseThrow(() -> new AssertionError("no sample " + name
                + Arrays.toString(labels) + " in the metrics; of that name: " + Arrays.stream(body.split("\n"))
                        .filter(l -> l.startsWith(name)).toList()));
    }

    private static boolean hasLabel(String labels, String name, String value) {
        String pair = name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        int at = labels.indexOf(pair);
        while (at >= 0) {
            boolean startsALabel = at == 0 || labels.charAt(at - 1) == ',' || labels.charAt(at - 1) == ' ';
            if (startsALabel) {
                return true;
            }
            at = labels.indexOf(pair, at + 1);
        }
        return false;
    }
}
