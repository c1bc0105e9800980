package cn.org.kczg.teams.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A service's readiness answer, read into the outbox item the console shows. */
class OutboxFiguresTest {
    @Test
    void theOutboxCheckOfAReadinessAnswerBecomesTheServicesFigures() {
        JsonObject health = new JsonObject("""
                {"status":"UP","checks":[
                  {"name":"Database connections health check","status":"UP","data":{"<default>":"UP"}},
                  {"name":"outbox","status":"UP","data":{"broker":"unreachable","backlog":12,
                   "oldestUnsentAgeSeconds":31,"parked":2,"unreachableSince":"2026-12-01T05:00:00Z",
                   "lastError":"TimeoutException","parked.1":"e1 ticket.created: too large",
                   "parked.2":"e2 ticket.closed: too large"}}]}""");
        JsonObject item = OutboxRoutes.OutboxFigures.of("activity", health);
        assertEquals("activity", item.getString("service"));
        assertEquals("UP", item.getString("status"));
        assertEquals("unreachable", item.getString("broker"));
        assertEquals(12L, item.getLong("backlog"));
        assertEquals(31L, item.getLong("oldestUnsentAgeSeconds"));
        assertEquals(2L, item.getLong("parked"));
        assertEquals(new JsonArray().add("e1 ticket.created: too large").add("e2 ticket.closed: too large"),
                item.getJsonArray("parkedEvents"));
        assertEquals("TimeoutException", item.getString("lastError"));
    }

    @Test
    void aServiceWithoutAnOutboxCheckIsListedAsUnreachableWithTheReason() {
        JsonObject item = OutboxRoutes.OutboxFigures.of("review", new JsonObject("{\"status\":\"DOWN\",\"checks\":[]}"));
        assertEquals("UNREACHABLE", item.getString("status"));
        assertNull(item.getValue("backlog"));
        assertEquals("no outbox check in its readiness", item.getString("lastError"));
    }
}
