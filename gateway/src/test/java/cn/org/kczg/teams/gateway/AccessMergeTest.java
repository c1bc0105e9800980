package cn.org.kczg.teams.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessMergeTest {

    private static JsonObject page(long total, JsonObject... items) {
        return new JsonObject().put("items", new JsonArray(List.of((Object[]) items))).put("total", total)
                .put("totalExact", true);
    }

    private static JsonObject item(String area, long id, String at) {
        return new JsonObject().put("area", area).put("id", id).put("at", at);
    }

    @Test
    void theServicesPagesAreMergedNewestFirstAndSliced() {
        JsonObject merged = AccessMerge.pages(List.of(
                page(2, item("registration", 9, "2026-12-01T02:00:00Z"),
                        item("registration", 8, "2026-12-01T00:00:00Z")),
                page(1, item("activity", 3, "2026-12-01T01:00:00.5Z")),
                page(0)), 1, 2);
        assertEquals(5 - 2, merged.getLong("total"));
        assertEquals(1, merged.getJsonArray("items").size());
        assertEquals("registration", merged.getJsonArray("items").getJsonObject(0).getString("area"));
        assertEquals(8L, merged.getJsonArray("items").getJsonObject(0).getLong("id"));

        JsonObject first = AccessMerge.pages(List.of(
                page(2, item("registration", 9, "2026-12-01T02:00:00Z"),
                        item("registration", 8, "2026-12-01T00:00:00Z")),
                page(1, item("activity", 3, "2026-12-01T01:00:00.5Z"))), 0, 2);
        assertEquals(List.of(9L, 3L), first.getJsonArray("items").stream().map(i -> ((JsonObject) i).getLong("id"))
                .toList());
    }

    @Test
    void theFilesBecomeOneWithOneHeaderNewestFirst() {
        String header = "序号,时间,读取人";
        String merged = AccessMerge.csv(List.of(
                "\uFEFF" + header + "\r\n2,2026-12-01 10:00:00,a\r\n1,2026-12-01 08:00:00,a\r\n",
                "\uFEFF" + header + "\r\n",
                "\uFEFF" + header + "\r\n7,2026-12-01 09:00:00,\"b,c\"\r\n"));
        assertEquals("\uFEFF" + header + "\r\n2,2026-12-01 10:00:00,a\r\n7,2026-12-01 09:00:00,\"b,c\"\r\n"
                + "1,2026-12-01 08:00:00,a\r\n", merged);
    }
}
