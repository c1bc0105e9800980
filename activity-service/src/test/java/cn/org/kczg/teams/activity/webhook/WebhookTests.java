package cn.org.kczg.teams.activity.webhook;

import static cn.org.kczg.teams.activity.ticket.DemandHall.assign;
import static cn.org.kczg.teams.activity.ticket.DemandHall.push;
import static cn.org.kczg.teams.activity.ticket.DemandHall.ticket;
import static cn.org.kczg.teams.activity.ticket.DemandHall.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.activity.ticket.DemandHall;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.kit.audit.AuditEntry;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookTests {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String ANSWERED = "items.find { it.eventType == 'ticket.answered' }";
    static Receiver receiver;

    @Inject
    WebhookDispatcher dispatcher;

    @BeforeAll
    static void listen() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private static JsonPath register(String partner, String url, List<String> eventTypes) {
        return given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", eventTypes)).when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath deliveries(String partner, String webhook) {
        return given().auth().oauth2(TestTokens.partner(partner)).when()
                .get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    /** Standard Webhooks, written here from the specification: v1,base64(HMAC-SHA256(key, id.timestamp.body)). */
    private static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> types(List<Receiver.Received> got) {
        return got.stream().map(r -> EventJson.read(r.body()).type()).toList();
    }

    private static List<String> typesOf(String ticket, List<Receiver.Received> got) {
        return got.stream().map(r -> EventJson.read(r.body())).filter(e -> e.aggregateId().equals(ticket))
                .map(EventEnvelope::type).toList();
    }

    @Test
    void aPartnerGetsASignedDeliveryOfTheEventsItChoseOnItsOwnTicketsOnly() throws Exception {
        String partner = unique("feeder-");
        String answered = "/answered-" + partner;
        String created = "/created-" + partner;
        String stranger = "/stranger-" + partner;
        JsonPath hook = given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(answered),
                        "eventTypes", List.of("ticket.answered", "ticket.message-posted", "ticket.answered")))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .body("url", equalTo(receiver.url(answered)))
                .body("eventTypes", equalTo(List.of("ticket.answered", "ticket.message-posted")))
                .body("createdAt", notNullValue())
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .extract().jsonPath();
        String id = hook.getString("id");
        String secret = hook.getString("secret");
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        // the secret is shown once
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("eventTypes", hasItem("ticket.answered")).body("secret", nullValue());
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("items[0].secret", nullValue()).body("total", equalTo(1));
        register(partner, receiver.url(created), List.of("ticket.created"));
        String otherPartner = unique("other-");
        String others = register(otherPartner, receiver.url(stranger), List.of("ticket.*")).getString("id");

        String unit = unique("LU");
        String handler = unique("h-");
        UUID teamId = DemandHall.team(unit, handler, List.of("TECH_TRANSFER"), "无锡市", List.of("物联网"), "物联网");
        String ticket = push(partner, ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(ticket, teamId);
        String team = TestTokens.handler(handler, teamId.toString());
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, "匹配"))
                .when().post("/api/v1/tickets/" + ticket + "/assign").then().statusCode(200);
        given().auth().oauth2(team).when().post("/api/v1/tickets/" + ticket + "/accept").then().statusCode(200);
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("text", "已提供方案"))
                .when().post("/api/v1/tickets/" + ticket + "/answer").then().statusCode(200);
        // an internal note is never the partner's to see; the message to the demand side is
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("text", "内部备注", "internal", true))
                .when().post("/api/v1/tickets/" + ticket + "/messages").then().statusCode(201);
        given().auth().oauth2(team).contentType(ContentType.JSON).body(Map.of("text", "请确认方案"))
                .when().post("/api/v1/tickets/" + ticket + "/messages").then().statusCode(201);

        Awaitility.await().atMost(WAIT).until(() -> receiver.at(answered).size() >= 2);
        List<Receiver.Received> got = receiver.at(answered);
        // deliveries are sent side by side, so they may arrive in any order (the envelope's occurredAt orders them)
        assertEquals(Set.of("ticket.answered", "ticket.message-posted"), Set.copyOf(types(got)));
        assertEquals(2, got.size());
        Receiver.Received delivery = got.stream().filter(r -> r.body().contains("\"ticket.answered\""))
                .findFirst().orElseThrow();
        Receiver.Received message = got.get(got.get(0) == delivery ? 1 : 0);
        EventEnvelope event = EventJson.read(delivery.body());
        assertEquals(ticket, event.aggregateId());
        assertEquals(partner, event.payload().get("partner").asText());
        assertEquals("POST", delivery.header(":method"));
        assertEquals("application/json", delivery.header("content-type"));
        assertEquals(event.eventId().toString(), delivery.header("webhook-id"));
        long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "timestamp " + timestamp);
        assertEquals(expectedSignature(secret, delivery.header("webhook-id"), delivery.header("webhook-timestamp"),
                delivery.body()), delivery.header("webhook-signature"));
        // the body is the envelope exactly as it travelled on Kafka
        String onKafka = KafkaTestClient.readMatching(Topics.ACTIVITY, event.eventId().toString(), 1, WAIT).stream()
                .filter(r -> EventJson.read(r.value()).eventId().equals(event.eventId())).findFirst().orElseThrow()
                .value();
        assertEquals(onKafka, delivery.body());
        assertEquals(false, EventJson.read(message.body()).payload().get("internal").asBoolean());

        // each webhook only the types it asked for; another partner's webhook nothing of this ticket
        Awaitility.await().atMost(WAIT).until(() -> !receiver.at(created).isEmpty());
        assertEquals(List.of("ticket.created"), typesOf(ticket, receiver.at(created)));
        assertEquals(List.of(), typesOf(ticket, receiver.at(stranger)));
        assertEquals(0, deliveries(otherPartner, others).getInt("total"));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.partner(partner))
                .when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.eventType", containsInAnyOrder("ticket.message-posted", "ticket.answered"))
                .body("items.status", equalTo(List.of("DELIVERED", "DELIVERED")))
                .body(ANSWERED + ".eventId", equalTo(event.eventId().toString()))
                .body(ANSWERED + ".attempts", equalTo(1)).body(ANSWERED + ".lastStatusCode", equalTo(200))
                .body(ANSWERED + ".deliveredAt", notNullValue()).body(ANSWERED + ".nextAttemptAt", nullValue())
                .body(ANSWERED + ".createdAt", notNullValue()));
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameWebhookIdUntilItTakesTheDelivery() {
        String partner = unique("feeder-");
        String path = "/flaky-" + partner;
        receiver.answer(path, 500, 500);
        String id = register(partner, receiver.url(path), List.of("ticket.*")).getString("id");
        push(partner, ticket(unique("XQ-"), "智能制造", "苏州市", List.of(), List.of()));

        Awaitility.await().atMost(WAIT).until(() -> receiver.at(path).size() >= 3);
        List<Receiver.Received> got = receiver.at(path);
        assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count());
        // the waits grow: 200 ms (±20 %), then 400 ms (±20 %)
        assertTrue(got.get(1).receivedAtMillis() - got.get(0).receivedAtMillis() >= 150);
        assertTrue(got.get(2).receivedAtMillis() - got.get(1).receivedAtMillis() >= 300);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.partner(partner))
                .when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(3))
                .body("items[0].lastStatusCode", equalTo(200)).body("items[0].lastError", nullValue())
                .body("items[0].eventId", equalTo(got.get(0).header("webhook-id"))));
        assertEquals(3, receiver.at(path).size());
    }

    @Test
    void aDeliveryStillFailing24HoursAfterItsFirstAttemptIsParkedAndCanBeRedelivered() {
        String partner = unique("feeder-");
        String path = "/down-" + partner;
        receiver.answerAlways(path, 503);
        String id = register(partner, receiver.url(path), List.of("ticket.created")).getString("id");
        push(partner, ticket(unique("XQ-"), "智能制造", "苏州市", List.of(), List.of()));
        Awaitility.await().atMost(WAIT).until(() -> receiver.at(path).size() >= 2);
        String delivery = deliveries(partner, id).getString("items[0].id");
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/api/v1/webhooks/" + id + "/deliveries")
                .then().body("items[0].status", equalTo("PENDING")).body("items[0].lastStatusCode", equalTo(503))
                .body("items[0].lastError", equalTo("HTTP 503"));

        TestClock.set(Instant.now().plus(Duration.ofHours(25)));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.partner(partner))
                .when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("PARKED")).body("items[0].nextAttemptAt", nullValue())
                .body("items[0].lastStatusCode", equalTo(503)));
        TestClock.reset();
        int before = receiver.at(path).size();

        receiver.answerAlways(path, 204);
        given().auth().oauth2(TestTokens.partner(partner)).when()
                .post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver").then().statusCode(202)
                .body("id", equalTo(delivery)).body("status", equalTo("PENDING")).body("attempts", equalTo(0));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.partner(partner))
                .when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(204)));
        List<Receiver.Received> got = receiver.at(path);
        assertEquals(before + 1, got.size());
        assertEquals(got.get(0).header("webhook-id"), got.get(got.size() - 1).header("webhook-id"));
        // a delivery that is not this webhook's
        given().auth().oauth2(TestTokens.partner(partner)).when()
                .post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver").then()
                .statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void deletingAWebhookStopsItsPendingDeliveriesAndIsAudited() {
        String partner = unique("feeder-");
        String path = "/deleted-" + partner;
        receiver.answerAlways(path, 500);
        String id = register(partner, receiver.url(path), List.of("ticket.created")).getString("id");
        push(partner, ticket(unique("XQ-"), "智能制造", "苏州市", List.of(), List.of()));
        Awaitility.await().atMost(WAIT).until(() -> receiver.at(path).size() >= 2);

        given().auth().oauth2(TestTokens.partner(partner)).when().delete("/api/v1/webhooks/" + id).then()
                .statusCode(204);
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/api/v1/webhooks/" + id).then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.partner(partner)).when().delete("/api/v1/webhooks/" + id).then()
                .statusCode(404);
        // its deliveries are gone with it: at most an attempt already on its way when it was deleted, then nothing
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() ->
                WebhookDelivery.count("webhookId", UUID.fromString(id))));
        int sent = receiver.at(path).size();
        Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT)
                .until(() -> receiver.at(path).size() <= sent + 1);
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "aggregateType = 'webhook' and aggregateId = ?1 order by id", id).stream()
                .map(e -> e.action + " " + e.actorRole).toList());
        assertEquals(List.of("webhook.created partner", "webhook.deleted partner"), audited);
    }

    @Test
    void dispatchersRacingEachOtherSendEachDeliveryOnce() throws Exception {
        String partner = unique("feeder-");
        String path = "/race-" + partner;
        UUID webhook = UUID.fromString(register(partner, receiver.url(path), List.of("ticket.*")).getString("id"));
        int count = 3 * 20 + 7;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                WebhookDelivery d = new WebhookDelivery();
                d.id = UUID.randomUUID();
                d.webhookId = webhook;
                d.eventId = UUID.randomUUID();
                d.eventType = "ticket.created";
                d.envelope = "{\"eventId\":\"" + d.eventId + "\",\"type\":\"ticket.created\"}";
                d.status = WebhookDelivery.Status.PENDING;
                d.nextAttemptAt = Instant.now();
                d.createdAt = Instant.now();
                d.persist();
            }
        });
        // besides the scheduled one, as if three more instances ran
        ExecutorService instances = Executors.newFixedThreadPool(3);
        List<Future<?>> rounds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rounds.add(instances.submit(() -> dispatcher.dispatch()));
        }
        for (Future<?> round : rounds) {
            round.get();
        }
        instances.shutdown();
        Awaitility.await().atMost(WAIT).until(() -> receiver.at(path).size() >= count);
        assertEquals(count, receiver.at(path).stream().map(r -> r.header("webhook-id")).distinct().count());
        Awaitility.await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                WebhookDelivery.count("webhookId = ?1 and status = ?2 and attempts = 1", webhook,
                        WebhookDelivery.Status.DELIVERED)) == count);
        assertEquals(count, receiver.at(path).size());
    }

    @Test
    void aCallbackUrlMustBeAPublicHttpsAddress() {
        String token = TestTokens.partner(unique("feeder-"));
        for (String url : List.of("http://10.0.0.1/hook", "https://10.0.0.1/hook", "https://169.254.169.254/latest/",
                "https://192.168.1.10/", "https://100.64.0.1/", "https://[fd00::1]/", "https://[::ffff:10.0.0.1]/",
                "https://user:pw@127.0.0.1/hook", "ftp://127.0.0.1/", "javascript:alert(1)", "hook",
                "https://127.0.0.1:99999/", "https://" + "a".repeat(2000) + ".example.com/", "https://x\u0000y.com/")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("ticket.*"))).when().post("/api/v1/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("url", "https://169.254.169.254/", "eventTypes", List.of("ticket.*")))
                .when().post("/api/v1/webhooks").then().statusCode(400)
                .body("detail", containsString("public address"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://169.254.169.254/", "eventTypes", List.of("ticket.*")))
                .when().post("/api/v1/webhooks").then().statusCode(400).body("detail", containsString("公网地址"));
    }

    @Test
    void eventTypesMustBeTicketEventsOfTheContract() {
        String token = TestTokens.partner(unique("feeder-"));
        String url = receiver.url("/types");
        for (Object types : List.of(List.of("ticket.nope"), List.of("team.activated"), List.of("ticket.answered", "*"),
                List.of(), "ticket.*", List.of("x".repeat(101)), List.of(""))) {
            Map<String, Object> body = new HashMap<>();
            body.put("url", url);
            body.put("eventTypes", types);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/webhooks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", containsString("eventTypes"));
        }
        given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("ticket.nope"))).when().post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes"))
                .body("detail", containsString("ticket.rated"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", url))
                .when().post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"url\": 12, \"eventTypes\": {}}")
                .when().post("/api/v1/webhooks").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("ticket.rated", "ticket.*", "ticket.message-posted")))
                .when().post("/api/v1/webhooks").then().statusCode(201);
    }

    @Test
    void onlyPartnersUseWebhooksAndOnlyTheirOwn() {
        String partner = unique("feeder-");
        String id = register(partner, receiver.url("/own"), List.of("ticket.*")).getString("id");
        Map<String, Object> body = Map.of("url", receiver.url("/own"), "eventTypes", List.of("ticket.*"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/webhooks").then().statusCode(401);
        given().when().get("/api/v1/webhooks").then().statusCode(401);
        for (String token : List.of(OPERATOR, TestTokens.token("auditor"), TestTokens.leadUnit(unique("LU")),
                TestTokens.handler(unique("h-"), UUID.randomUUID().toString()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/webhooks")
                    .then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/v1/webhooks/" + id).then().statusCode(403);
            given().auth().oauth2(token).when().delete("/api/v1/webhooks/" + id).then().statusCode(403);
        }
        // a partner token without the partner claim
        given().auth().oauth2(TestTokens.token("partner")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks").then().statusCode(403);
        String other = TestTokens.partner(unique("other-"));
        given().auth().oauth2(other).when().get("/api/v1/webhooks/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
        given().auth().oauth2(other).when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
        given().auth().oauth2(other).when().post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID()
                + "/redeliver").then().statusCode(404);
        given().auth().oauth2(other).when().delete("/api/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(other).when().get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/api/v1/webhooks/" + id).then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/api/v1/webhooks/not-a-uuid").then()
                .statusCode(404);
    }

    @Test
    void aPartnerHasAtMostTenWebhooks() {
        String partner = unique("feeder-");
        for (int i = 0; i < 10; i++) {
            register(partner, receiver.url("/many-" + i), List.of("ticket.*"));
        }
        given().auth().oauth2(TestTokens.partner(partner)).header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/many-10"), "eventTypes", List.of("ticket.*")))
                .when().post("/api/v1/webhooks").then().statusCode(409).body("code", equalTo("webhook-limit"))
                .body("detail", containsString("at most 10"));
        given().auth().oauth2(TestTokens.partner(partner)).queryParam("size", 100).when().get("/api/v1/webhooks")
                .then().statusCode(200).body("total", equalTo(10));
    }
}
