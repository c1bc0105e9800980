package cn.org.kczg.teams.registration.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** PIPL Art. 47: the owner of erasure requests erases its own part at once and collects the others' answers. */
@QuarkusTest
class ErasureResourceTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String REASON = "本人依《个人信息保护法》第四十七条申请删除其个人信息，已核实身份";

    @Test
    void aHandlerErasedBySubjectIsAnonymisedHereAndTheReceiptCompletesWhenEveryServiceAnswered() {
        String unit = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        String sub = "handler-erase-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Fixtures.completeApplication(Fixtures.uniqueName("删除")));
        body.put("handler", Map.of("name", "钱多多", "phone", "13700000001", "email", "qdd@example.org.cn",
                "userId", sub, "deputies", List.of(sub + "-deputy")));
        String application = Fixtures.createDraft(unit, body);
        Fixtures.submitInOwnWindow(unit, application);
        Fixtures.decide(application, unit, cn.org.kczg.teams.events.review.ReviewDecided.Decision.APPROVED, "符合条件");
        Fixtures.awaitStatus(unit, application, "APPROVED");
        String team = given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/applications/"
                + application).then().extract().path("teamId");

        var receipt = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("subject", sub, "reason", REASON)).when().post("/api/v1/personal-data/erasures")
                .then().statusCode(202).header("Location", containsString("/api/v1/personal-data/erasures/"))
                .body("status", equalTo("PENDING")).body("matchKind", equalTo("SUBJECT"))
                .body("services", hasSize(1)).body("services[0].service", equalTo("registration-service"))
                .body("services[0].items.entity", hasItem("Team"))
                .body("services[0].items.entity", hasItem("TeamApplication"))
                .extract();
        String id = receipt.path("id");
        String pseudonym = receipt.path("pseudonym");
        assertTrue(pseudonym.startsWith("erased-"), pseudonym);
        assertTrue(!receipt.asString().contains(sub), "the receipt never names the person");

        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/teams/" + team).then().statusCode(200)
                .body("handler.name", equalTo("已删除")).body("handler.phone", nullValue())
                .body("handler.email", nullValue()).body("handler.userId", equalTo(pseudonym))
                .body("handler.deputies", equalTo(List.of(sub + "-deputy")))
                .body("members.name", hasItem("张伟"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/applications/" + application).then()
                .statusCode(200).body("handler.name", equalTo("已删除"))
                .body("handler.userId", equalTo(pseudonym));

        List<EventEnvelope> announced = KafkaTestClient.readUntil(Topics.REGISTRATION, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> id.equals(r.key())) && read.stream()
                        .anyMatch(r -> team.equals(r.key()) && r.value().contains("已删除")))
                .stream().filter(r -> id.equals(r.key()) || team.equals(r.key())).map(r -> EventJson.read(r.value()))
                .toList();
        ErasureRequested requested = announced.stream().filter(e -> ErasureRequested.TYPE.equals(e.type()))
                .map(e -> EventJson.payload(e, ErasureRequested.class)).findFirst().orElseThrow();
        assertEquals(new ErasureRequested(UUID.fromString(id), sub, null, pseudonym, "test-operator"), requested);
        TeamHandlerChanged handler = announced.stream().filter(e -> TeamHandlerChanged.TYPE.equals(e.type()))
                .map(e -> EventJson.payload(e, TeamHandlerChanged.class)).reduce((a, b) -> b).orElseThrow();
        assertEquals("已删除", handler.handler().name());
        assertEquals(pseudonym, handler.handler().userId());

        answer(Topics.REVIEW, id, "review-service");
        answer(Topics.EVALUATION, id, "evaluation-service");
        given().auth().oauth2(OPERATOR).when().get("/api/v1/personal-data/erasures/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("completedAt", nullValue());
        answer(Topics.ACTIVITY, id, "activity-service");
        answer(Topics.ACTIVITY, id, "activity-service");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/personal-data/erasures/" + id)
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("completedAt", notNullValue())
                .body("services.service", containsInAnyOrder("registration-service", "review-service",
                        "evaluation-service", "activity-service"))
                .body("services.find { it.service == 'activity-service' }.items[0].entity", equalTo("Participation"))
                .body("services.find { it.service == 'activity-service' }.items[0].count", equalTo(2)));
    }

    @Test
    void aLeadUnitsContactErasedByPhoneKeepsTheUnit() {
        String code = Fixtures.newCreditCode();
        String phone = "1390" + (1_000_000 + System.nanoTime() % 8_999_999);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "删除测试单位" + code.substring(10), "category", "NATIONAL_SOCIETY",
                        "contact", Map.of("name", "孙丽", "phone", phone, "email", "sunli@example.org.cn")))
                .when().post("/api/v1/lead-units").then().statusCode(201);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("contact", phone, "reason", REASON)).when().post("/api/v1/personal-data/erasures")
                .then().statusCode(202).body("matchKind", equalTo("CONTACT"))
                .body("services[0].items", equalTo(List.of(Map.of("entity", "LeadUnit",
                        "fields", List.of("contactName", "contactPhone", "contactEmail"), "count", 1))));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/lead-units/" + code).then().statusCode(200)
                .body("name", startsWith("删除测试单位")).body("contact.name", equalTo("已删除"))
                .body("contact.phone", nullValue()).body("contact.email", nullValue());
    }

    @Test
    void onlyAnOperatorErasesNamingExactlyOnePersonWithAReason() {
        String url = "/api/v1/personal-data/erasures";
        given().contentType(ContentType.JSON).body(Map.of("subject", "x", "reason", REASON)).when().post(url)
                .then().statusCode(401);
        for (String role : List.of("auditor", "reviewer", "lead-unit", "volunteer")) {
            given().auth().oauth2(TestTokens.token(role)).contentType(ContentType.JSON)
                    .body(Map.of("subject", "x", "reason", REASON)).when().post(url).then().statusCode(403);
        }
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", REASON)).when().post(url)
                .then().statusCode(400).body("errors[0].field", equalTo("subject"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("subject", "a", "contact", "13800000000", "reason", REASON)).when().post(url)
                .then().statusCode(400).body("errors[0].field", equalTo("contact"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("subject", "a", "reason", "太短")).when().post(url)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).when().post(url).then().statusCode(400);
        given().auth().oauth2(OPERATOR).when().get(url + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.token("lead-unit")).when().get(url + "/" + UUID.randomUUID()).then()
                .statusCode(403);
        given().auth().oauth2(OPERATOR).when().get(url + "/not-a-uuid").then().statusCode(not(equalTo(500)));
    }

    private static void answer(String topic, String erasure, String service) {
        var answer = new PersonalDataErased(UUID.fromString(erasure), service, Instant.now(), List.of(
                new PersonalDataErased.Item("Participation", List.of("volunteer"), 2)));
        var envelope = EventJson.envelope(answer, service, "erasure-" + erasure, Instant.now());
        KafkaTestClient.produce(topic, envelope.aggregateId(), EventJson.write(envelope));
    }
}
