package cn.org.kczg.teams.activity.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.Handler;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivityReportTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final String OPERATOR = TestTokens.token("operator");

    /** An active team serving 苏州市 and 苏州工业园区, known to activity-service; returns its id. */
    private static UUID team(String leadUnit) {
        UUID id = UUID.randomUUID();
        var event = new TeamActivated(id, UUID.randomUUID(), "“科创中国”测试" + SEQ.incrementAndGet() + "科技服务团",
                leadUnit, "单位", "NATIONAL_SOCIETY", 2026, "智能制造", List.of("TECH_DISSEMINATION"),
                List.of("苏州市", "苏州工业园区"), List.of(), List.of("智能制造"),
                new Handler("赵强", "h-" + id, List.of()), Instant.now());
        var envelope = EventJson.envelope(event, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
        // the team is known once its lead unit can list (empty) activities of it without a 404 on reporting
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(TestTokens.leadUnit(leadUnit)).contentType(ContentType.JSON)
                .body(report(id, "0", Map.of("online", true))).when().post("/api/v1/activities").statusCode() == 201);
        return id;
    }

    private static Map<String, Object> report(UUID teamId, String fee, Map<String, Object> place) {
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", teamId.toString());
        body.put("category", "TECH_DISSEMINATION");
        body.put("form", "CONFERENCE");
        body.put("title", "智能制造产业对接会");
        body.put("startDate", "2026-11-20");
        body.put("endDate", "2026-11-21");
        body.put("place", place);
        body.put("participants", 300);
        body.put("enterprisesServed", 45);
        body.put("outcomes", Map.of("text", "签约3项", "agreementsSigned", 3, "technologiesTransferred", 2,
                "standardsDrafted", 1, "talentsTrained", 60));
        if (fee != null) {
            body.put("feesCharged", Map.of("amount", fee, "payer", "参会企业"));
        }
        return body;
    }

    private static String code() {
        return "LU" + SEQ.incrementAndGet();
    }

    @Test
    void aZeroFeeIsStatedAndAMissingOneIs400() {
        String unit = code();
        UUID teamId = team(unit);
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(report(teamId, "0", Map.of("city", "苏州市", "park", "苏州工业园区")))
                .when().post("/api/v1/activities").then().statusCode(201)
                .body("feeFlagged", equalTo(false)).body("placeKind", equalTo("PILOT")).body("year", equalTo(2026));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(report(teamId, null, Map.of("city", "苏州市")))
                .when().post("/api/v1/activities").then().statusCode(400)
                .body("errors[0].field", equalTo("feesCharged"));
    }

    @Test
    void aChargedFeeIsStoredFlaggedListedAndDecidedOnce() {
        String unit = code();
        UUID teamId = team(unit);
        String activity = given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(report(teamId, "2000.00", Map.of("city", "南京市")))
                .when().post("/api/v1/activities").then().statusCode(201)
                .body("feeFlagged", equalTo(true)).body("placeKind", equalTo("OTHER_REGION"))
                .body("feesCharged.amount", equalTo(2000.0f)).extract().path("id");
        String violation = given().auth().oauth2(OPERATOR).queryParam("teamId", teamId.toString())
                .when().get("/api/v1/fee-violations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].activityId", equalTo(activity))
                .body("items[0].status", equalTo("FLAGGED")).extract().path("items[0].id");
        given().auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/fee-violations").then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "reason", "以服务团名义收取会务费"))
                .when().post("/api/v1/fee-violations/" + violation + "/outcome").then().statusCode(200)
                .body("status", equalTo("UPHELD"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("outcome", "DISMISSED", "reason", "改判"))
                .when().post("/api/v1/fee-violations/" + violation + "/outcome").then().statusCode(409);

        var records = KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> teamId.toString().equals(r.key())
                        && r.value().contains("fee-violation.decided")));
        List<String> types = records.stream().filter(r -> teamId.toString().equals(r.key()))
                .map(r -> EventJson.read(r.value()).type()).toList();
        assertEquals(List.of("activity.reported", "activity.reported", "fee-violation.flagged", "fee-violation.decided"),
                types);
        var reported = records.stream().filter(r -> teamId.toString().equals(r.key()))
                .map(r -> EventJson.read(r.value())).filter(e -> e.payload().path("activityId").asText().equals(activity))
                .filter(e -> e.type().equals("activity.reported")).findFirst().orElseThrow();
        assertEquals("CONFERENCE", reported.payload().get("form").asText());
        assertEquals(45, reported.payload().get("enterprisesServed").asInt());
        assertEquals(3, reported.payload().get("agreementsSigned").asInt());
        assertEquals("OTHER_REGION", reported.payload().get("placeKind").asText());
    }

    @Test
    void onlyTheTeamReportsAndOthersSeeNothing() {
        String unit = code();
        UUID teamId = team(unit);
        given().auth().oauth2(TestTokens.leadUnit(code())).contentType(ContentType.JSON)
                .body(report(teamId, "0", Map.of("online", true)))
                .when().post("/api/v1/activities").then().statusCode(404);
        // a token naming the team is not enough: only the designated handler (or a deputy, or the lead unit) reports
        given().auth().oauth2(TestTokens.handler("h", teamId.toString())).contentType(ContentType.JSON)
                .body(report(teamId, "0", Map.of("online", true)))
                .when().post("/api/v1/activities").then().statusCode(403);
        String id = given().auth().oauth2(TestTokens.handler("h-" + teamId, teamId.toString())).contentType(ContentType.JSON)
                .body(report(teamId, "0", Map.of("online", true)))
                .when().post("/api/v1/activities").then().statusCode(201)
                .body("placeKind", equalTo("ONLINE")).extract().path("id");
        given().auth().oauth2(TestTokens.leadUnit(code())).when().get("/api/v1/activities/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.leadUnit(code())).when().get("/api/v1/activities")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.leadUnit(unit)).queryParam("form", "CONFERENCE").when().get("/api/v1/activities")
                .then().statusCode(200).body("items.teamId", containsInAnyOrder(teamId.toString(), teamId.toString()));
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/activities/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.token("volunteer")).when().get("/api/v1/activities").then().statusCode(403);
    }

    @Test
    void datesAndPlacesMustMakeSense() {
        String unit = code();
        UUID teamId = team(unit);
        Map<String, Object> body = report(teamId, "0", Map.of());
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities").then().statusCode(400).body("errors[0].field", equalTo("place.city"));
        body = report(teamId, "0", Map.of("city", "苏州市"));
        body.put("endDate", "2026-11-19");
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities").then().statusCode(400).body("errors[0].field", equalTo("endDate"));
        body = report(teamId, "-1", Map.of("city", "苏州市"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities").then().statusCode(400)
                .body("errors[0].field", equalTo("feesCharged.amount"));
    }

    @Test
    void staffExportTheTeamsActivitiesAsCsvWithChineseHeaders() {
        String unit = code();
        UUID teamId = team(unit);
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(report(teamId, "1200", Map.of("city", "苏州市"))).when().post("/api/v1/activities")
                .then().statusCode(201);
        String csv = new String(given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("teamId", teamId.toString())
                .when().get("/api/v1/activities").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\uFEFF活动编号,团队编号"), lines.get(0));
        assertTrue(csv.contains("1200") && csv.contains("参会企业") && csv.contains("苏州市"), csv);
        given().auth().oauth2(TestTokens.leadUnit(unit)).accept("text/csv").when().get("/api/v1/activities").then()
                .statusCode(403);
    }
}
