package cn.org.kczg.teams.activity.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What a correction changed, field by field ({@code place.city: 苏州市 → 无锡市}), for the history to keep. */
final class ReportChanges {
    private ReportChanges() {
    }

    static List<String> between(JsonNode before, JsonNode after) {
        Map<String, String> old = new LinkedHashMap<>();
        Map<String, String> now = new LinkedHashMap<>();
        flatten("", before, old);
        flatten("", after, now);
        TreeSet<String> fields = new TreeSet<>(old.keySet());
        fields.addAll(now.keySet());
        List<String> changes = new ArrayList<>();
        for (String field : fields) {
            String from = old.get(field);
            String to = now.get(field);
            if (!Objects.equals(from, to) && !(isZero(from) && isZero(to))) {
                changes.add(field + ": " + (from == null ? "—" : from) + " → " + (to == null ? "—" : to));
            }
        }
        return changes;
    }

    /** An outcome count left out is zero, an online flag left out false: the same figure either way. */
    private static boolean isZero(String value) {
        return value == null || "0".equals(value) || "false".equals(value);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> members = node.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                flatten(prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey(), member.getValue(), into);
            }
        } else if (node.isNumber()) {
            into.put(prefix, node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            into.put(prefix, node.asText());
        }
    }
}
