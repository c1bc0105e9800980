package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.KafkaResource;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.SseClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The live event stream against a real broker: delivery, resumption, filters, heartbeats, slow clients. */
@QuarkusTest
@TestProfile(EventStreamTests.WithBroker.class)
class EventStreamTests {
    public static class WithBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kczg.gateway.events.enabled", "true", "kczg.gateway.events.heartbeat", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaResource.class), new TestResourceEntry(JwtKeyResource.class),
                    new TestResourceEntry(EchoBackendResource.class));
        }
    }

    @TestHTTPResource("/api/v1/events/stream")
    URL stream;

    private static final String OPERATOR = TestTokens.token("operator");

    /** An event of the contract's shape: the lead unit under both names payloads use (tickets say teamLeadUnit). */
    private static String publish(String topic, String type, String teamId, String leadUnit, String padding) {
        String id = UUID.randomUUID().toString();
        KafkaTestClient.produce(topic, teamId, ("{'eventId':'%s','type':'%s','version':1,'occurredAt':'2026-11-28T00:00:00Z',"
                + "'aggregateType':'team','aggregateId':'%s','producer':'test','payload':{'teamId':'%s',"
                + "'leadUnitCreditCode':'%s','teamLeadUnit':'%s','note':'科创中国%s'}}")
                .formatted(id, type, teamId, teamId, leadUnit, leadUnit, padding).replace('\'', '"'));
        return id;
    }

    private SseClient open(String query, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putIfAbsent("Authorization", "Bearer " + OPERATOR);
        return new SseClient(stream + query, all);
    }

    private static SseClient.Frame awaitFrame(SseClient client, String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.frames.stream()
                .anyMatch(f -> f.data().contains(eventId)));
        return client.frames.stream().filter(f -> f.data().contains(eventId)).findFirst().orElseThrow();
    }

    @Test
    void eventsArriveLiveAndAStreamResumesFromItsLastIdWithoutLossOrRepeats() throws Exception {
        String team = UUID.randomUUID().toString();
        String first;
        SseClient.Frame seen;
        try (SseClient client = open("", Map.of())) {
            assertEquals(200, client.status);
            first = publish("registration.events", "team.activated", team, "LU-1", "");
            seen = awaitFrame(client, first);
            assertEquals("team.activated", seen.event());
            assertTrue(seen.data().contains("科创中国"), "UTF-8 survives: " + seen.data());
            // the data is a PlatformEvent, as the list's items are: position, topic, type, team, lead unit, envelope
            JsonObject data = new JsonObject(seen.data());
            assertEquals(seen.id(), data.getString("id"));
            assertEquals("registration.events", data.getString("topic"));
            assertEquals(team, data.getString("team"));
            assertEquals("LU-1", data.getString("leadUnit"));
            assertEquals(first, data.getJsonObject("event").getString("eventId"));
        }
        String second = publish("activity.events", "ticket.assigned", team, "LU-1", "");
        String third = publish("evaluation.events", "assessment.published", team, "LU-1", "");
        try (SseClient resumed = open("", Map.of("Last-Event-ID", seen.id()))) {
            awaitFrame(resumed, second);
            awaitFrame(resumed, third);
            assertTrue(resumed.frames.stream().noneMatch(f -> f.data().contains(first)), "no repeat of the last seen");
        }
        given().auth().oauth2(OPERATOR).queryParam("since", seen.id()).when().get("/api/v1/events").then()
                .statusCode(200).body("items.event.eventId", org.hamcrest.Matchers.hasItems(second, third))
                .body("items.event.eventId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(first)));
    }

    @Test
    void filtersByTypeGlobTeamAndLeadUnit() throws Exception {
        String team = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (SseClient client = open("?type=ticket.*&team=" + team, Map.of());
                SseClient byUnit = open("?leadUnit=LU-F", Map.of())) {
            publish("activity.events", "complaint.filed", team, "LU-F", "");
            publish("activity.events", "ticket.assigned", other, "LU-X", "");
            String wanted = publish("activity.events", "ticket.resolved", team, "LU-F", "");
            awaitFrame(client, wanted);
            awaitFrame(byUnit, wanted);
            assertTrue(client.frames.stream().allMatch(f -> f.event().startsWith("ticket.") && f.data().contains(team)),
                    client.frames.toString());
            assertEquals(2, byUnit.frames.size(), byUnit.frames.toString());
        }
    }

    @Test
    void onlyOperatorsAndAuditorsWatchAndHeartbeatsKeepTheLineAlive() throws Exception {
        given().when().get("/api/v1/events/stream").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("lead-unit")).when().get("/api/v1/events").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(OPERATOR).queryParam("since", "not-an-id").when().get("/api/v1/events").then()
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("since"));
        try (SseClient client = open("", Map.of("Authorization", "Bearer " + TestTokens.token("auditor")))) {
            assertEquals(200, client.status);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.comments.contains("heartbeat"));
        }
    }

    @Test
    void aClientThatDoesNotReadDoesNotHoldUpTheOthers() throws Exception {
        URL url = stream;
        try (Socket stalled = new Socket(url.getHost(), url.getPort());
                SseClient reader = open("?team=slow-test", Map.of())) {
            stalled.setReceiveBufferSize(1024);
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/v1/events/stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + OPERATOR
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String padding = "x".repeat(4000);
            String last = null;
            for (int i = 0; i < 300; i++) {
                last = publish("activity.events", "ticket.changed", "slow-test", "LU-S", padding);
            }
            awaitFrame(reader, last);
            assertEquals(300, reader.frames.size());
        }
    }
}
