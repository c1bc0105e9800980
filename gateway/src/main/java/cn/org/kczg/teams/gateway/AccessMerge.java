package cn.org.kczg.teams.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The four services' records of staff reads of personal data as one list, newest first: their first pages merged by
 * time (JSON), or their files' rows (CSV, the time in the second column).
 */
final class AccessMerge {
    private static final String BOM = "\uFEFF";

    private AccessMerge() {
    }

    /** Page {@code page} of {@code size} from each service's first {@code (page + 1) * size} entries. */
    static JsonObject pages(List<JsonObject> pages, int page, int size) {
        List<JsonObject> items = new ArrayList<>();
        long total = 0;
        boolean exact = true;
        for (JsonObject one : pages) {
            one.getJsonArray("items", new JsonArray()).forEach(item -> items.add((JsonObject) item));
            total += one.getLong("total", 0L);
            exact &= one.getBoolean("totalExact", true);
        }
        items.sort(Comparator.comparing((JsonObject item) -> Instant.parse(item.getString("at"))).reversed()
                .thenComparing(item -> item.getString("area", "")).thenComparing(item -> -item.getLong("id", 0L)));
        List<JsonObject> slice = items.stream().skip((long) page * size).limit(size).toList();
        return new JsonObject().put("items", new JsonArray(new ArrayList<>(slice))).put("page", page).put("size", size)
                .put("total", total).put("totalExact", exact);
    }

    /** One CSV file of the services' files: one header, the rows newest first. */
    static String csv(List<String> files) {
        String header = null;
        List<String> rows = new ArrayList<>();
        for (String file : files) {
            List<String> lines = (file.startsWith(BOM) ? file.substring(1) : file).lines()
                    .filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                continue;
            }
            header = header == null ? lines.get(0) : header;
            rows.addAll(lines.subList(1, lines.size()));
        }
        rows.sort(Comparator.comparing(AccessMerge::time).reversed());
        StringBuilder out = new StringBuilder(BOM).append(header == null ? "" : header).append("\r\n");
        rows.forEach(row -> out.append(row).append("\r\n"));
        return out.toString();
    }

    /** A row's second cell, its time (yyyy-MM-dd HH:mm:ss, Beijing: sorts as text); number and time are unquoted. */
    private static String time(String row) {
        String[] cells = row.split(",", 3);
        return cells.length > 1 ? cells[1] : "";
    }
}
