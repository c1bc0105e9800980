package cn.org.kczg.teams.activity.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.evaluation.AssessmentPublished;
import cn.org.kczg.teams.events.registration.Handler;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 21: reports take no future dates, are corrected and withdrawn until their year's assessment is published. */
@QuarkusTest
class ActivityCorrectionTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final String OPERATOR = TestTokens.token("operator");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private static String code() {
        return "LC" + SEQ.incrementAndGet();
    }

    /** An active team serving 苏州市, known to activity-service once its lead unit can report for it. */
    private static UUID team(String leadUnit) {
        UUID id = UUID.randomUUID();
        var event = new TeamActivated(id, UUID.randomUUID(), "“科创中国”更正测试" + SEQ.incrementAndGet() + "科技服务团",
                leadUnit, "单位", "NATIONAL_SOCIETY", 2026, "智能制造", List.of("TECH_DISSEMINATION"),
                List.of("苏州市"), List.of(), List.of("智能制造"),
                new Handler("赵强", "h-" + id, List.of()), Instant.now());
        var envelope = EventJson.envelope(event, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
        LocalDate past = LocalDate.of(2026, 1, 5);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(TestTokens.leadUnit(leadUnit)).contentType(ContentType.JSON)
                .body(report(id, past, past, "无锡市")).when().post("/api/v1/activities").statusCode() == 201);
        return id;
    }

    private static Map<String, Object> report(UUID teamId, LocalDate start, LocalDate end, String city) {
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", teamId.toString());
        body.put("category", "TECH_DISSEMINATION");
        body.put("form", "CONFERENCE");
        body.put("title", "智能制造产业对接会");
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        body.put("place", Map.of("city", city));
        body.put("participants", 300);
        body.put("enterprisesServed", 45);
        body.put("outcomes", Map.of("agreementsSigned", 3));
        body.put("feesCharged", Map.of("amount", "0"));
        return body;
    }

    private static String post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> patch(String reason, Object... members) {
        Map<String, Object> body = new HashMap<>();
        if (reason != null) {
            body.put("reason", reason);
        }
        for (int i = 0; i < members.length; i += 2) {
            body.put((String) members[i], members[i + 1]);
        }
        return body;
    }

    @Test
    void aDayAfterTodayInChinaIsRefusedUpToTheLastSecondOfToday() {
        String unit = code();
        UUID teamId = team(unit);
        LocalDate day = LocalDate.of(2026, 6, 10);
        // 23:59:59 in Beijing on 10 June is 15:59:59 UTC: the 11th is still tomorrow
        TestClock.set(day.plusDays(1).atStartOfDay(CHINA).toInstant().minusSeconds(1));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(report(teamId, day.plusDays(1), day.plusDays(1), "苏州市"))
                .when().post("/api/v1/activities").then().statusCode(400)
                .body("errors[0].field", equalTo("startDate"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(report(teamId, day, day.plusDays(1), "苏州市"))
                .when().post("/api/v1/activities").then().statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        post(TestTokens.leadUnit(unit), report(teamId, day, day, "苏州市"));
        // a second later it is the 11th in Beijing (still the 10th in UTC)
        TestClock.set(day.plusDays(1).atStartOfDay(CHINA).toInstant());
        post(TestTokens.leadUnit(unit), report(teamId, day.plusDays(1), day.plusDays(1), "苏州市"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(report(teamId, day, day.minusDays(1), "苏州市"))
                .when().post("/api/v1/activities").then().statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
    }

    @Test
    void aCorrectionIsAuditedOldToNewAnnouncedAndChecksTheFeeAgain() {
        String unit = code();
        UUID teamId = team(unit);
        LocalDate day = LocalDate.of(2026, 9, 15);
        String id = post(TestTokens.leadUnit(unit), report(teamId, day, day, "苏州市"));
        String path = "/api/v1/activities/" + id;

        // who: the team's lead unit, its designated handler and the operator; not others
        given().auth().oauth2(TestTokens.token("auditor")).contentType(ContentType.JSON)
                .body(patch("人数有误", "participants", 280)).when().patch(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.leadUnit(code())).contentType(ContentType.JSON)
                .body(patch("人数有误", "participants", 280)).when().patch(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.handler("h", teamId.toString())).contentType(ContentType.JSON)
                .body(patch("人数有误", "participants", 280)).when().patch(path).then().statusCode(403);
        // what: a reason, editable fields only, the same rules as a report
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(patch(null, "participants", 280)).when().patch(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(patch("换团队", "teamId", UUID.randomUUID().toString())).when().patch(path).then().statusCode(400)
                .body("errors[0].field", equalTo("teamId"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(patch("改期", "startDate", "2199-01-01", "endDate", "2199-01-01")).when().patch(path).then()
                .statusCode(400).body("errors[0].field", equalTo("startDate"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(patch("人数有误", "participants", -1)).when().patch(path).then().statusCode(400)
                .body("errors[0].field", containsString("participants"));

        given().auth().oauth2(TestTokens.handler("h-" + teamId, teamId.toString()))
                .contentType("application/merge-patch+json; charset=UTF-8")
                .body(patch("参加人数统计有误，以签到表为准", "participants", 280, "outcomes", Map.of("agreementsSigned", 4)))
                .when().patch(path).then().statusCode(200)
                .body("participants", equalTo(280)).body("outcomes.agreementsSigned", equalTo(4))
                .body("enterprisesServed", equalTo(45)).body("status", equalTo("CORRECTED"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(patch("补报会务费", "feesCharged", Map.of("amount", "500", "payer", "参会企业")))
                .when().patch(path).then().statusCode(200).body("feeFlagged", equalTo(true));
        given().auth().oauth2(OPERATOR).queryParam("teamId", teamId.toString()).when().get("/api/v1/fee-violations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].amount", equalTo(500.0f));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(patch("金额更正", "feesCharged", Map.of("amount", "800")))
                .when().patch(path).then().statusCode(200);
        given().auth().oauth2(OPERATOR).queryParam("teamId", teamId.toString()).when().get("/api/v1/fee-violations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].amount", equalTo(800.0f));

        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get(path + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("activity.reported", "activity.corrected", "activity.corrected",
                        "activity.corrected")))
                .body("[1].reason", containsString("参加人数统计有误"))
                .body("[1].reason", containsString("participants: 300 → 280"))
                .body("[1].reason", containsString("outcomes.agreementsSigned: 3 → 4"))
                .body("[2].role", equalTo("operator"));
        given().auth().oauth2(TestTokens.leadUnit(code())).when().get(path + "/history").then().statusCode(404);

        var records = KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(20),
                read -> read.stream().filter(r -> teamId.toString().equals(r.key())
                        && r.value().contains("activity.corrected")).count() == 3);
        EventEnvelope first = records.stream().filter(r -> teamId.toString().equals(r.key()))
                .map(r -> EventJson.read(r.value())).filter(e -> e.type().equals("activity.corrected")).findFirst()
                .orElseThrow();
        assertEquals(id, first.payload().get("activityId").asText());
        assertEquals(280, first.payload().get("participants").asInt());
        assertEquals(4, first.payload().get("agreementsSigned").asInt());
        assertEquals(45, first.payload().get("enterprisesServed").asInt());
        assertEquals("[\"outcomes.agreementsSigned\",\"participants\"]", first.payload().get("changed").toString());
    }

    @Test
    void aWithdrawnReportLeavesListsAndStatisticsAndIsFinal() {
        String unit = code();
        UUID teamId = team(unit);
        String city = "撤回测试" + SEQ.incrementAndGet() + "市";
        LocalDate day = LocalDate.of(2012, 4, 1);
        String kept = post(TestTokens.leadUnit(unit), report(teamId, day, day, city));
        String id = post(TestTokens.leadUnit(unit), report(teamId, day, day, city));
        given().auth().oauth2(OPERATOR).queryParam("year", 2012).queryParam("region", city)
                .when().get("/api/v1/statistics/activities").then().statusCode(200).body("total", equalTo(2));

        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post("/api/v1/activities/" + id + "/withdraw").then().statusCode(400)
                .body("errors[0].field", containsString("reason"));
        given().auth().oauth2(TestTokens.leadUnit(code())).contentType(ContentType.JSON).body(Map.of("reason", "重复"))
                .when().post("/api/v1/activities/" + id + "/withdraw").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("auditor")).contentType(ContentType.JSON).body(Map.of("reason", "重复"))
                .when().post("/api/v1/activities/" + id + "/withdraw").then().statusCode(403);
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("reason", "重复报送，与另一条为同一场活动"))
                .when().post("/api/v1/activities/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawalReason", equalTo("重复报送，与另一条为同一场活动"));

        given().auth().oauth2(TestTokens.leadUnit(unit)).queryParam("teamId", teamId.toString())
                .when().get("/api/v1/activities").then().statusCode(200)
                .body("items.id", hasItem(kept)).body("items.id", not(hasItem(id)));
        given().auth().oauth2(OPERATOR).queryParam("teamId", teamId.toString()).queryParam("status", "WITHDRAWN")
                .when().get("/api/v1/activities").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(OPERATOR).queryParam("year", 2012).queryParam("region", city)
                .when().get("/api/v1/statistics/activities").then().statusCode(200).body("total", equalTo(1));

        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("reason", "再撤"))
                .when().post("/api/v1/activities/" + id + "/withdraw").then().statusCode(409)
                .body("code", equalTo("activity-withdrawn"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(patch("更正", "participants", 1))
                .when().patch("/api/v1/activities/" + id).then().statusCode(409).body("code", equalTo("activity-withdrawn"));
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/activities/" + id + "/history")
                .then().statusCode(200).body("action", equalTo(List.of("activity.reported", "activity.withdrawn")));

        var records = KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> teamId.toString().equals(r.key())
                        && r.value().contains("activity.withdrawn")));
        EventEnvelope withdrawn = records.stream().map(r -> EventJson.read(r.value()))
                .filter(e -> e.type().equals("activity.withdrawn") && e.payload().get("activityId").asText().equals(id))
                .findFirst().orElseThrow();
        assertEquals(2012, withdrawn.payload().get("year").asInt());
    }

    @Test
    void onceTheYearsAssessmentIsPublishedItsReportsAreFinal() {
        String unit = code();
        UUID teamId = team(unit);
        LocalDate closed = LocalDate.of(2011, 5, 1);
        LocalDate open = LocalDate.of(2013, 5, 1);
        String inClosedYear = post(TestTokens.leadUnit(unit), report(teamId, closed, closed, "苏州市"));
        String inOpenYear = post(TestTokens.leadUnit(unit), report(teamId, open, open, "苏州市"));

        var published = EventJson.envelope(new AssessmentPublished(UUID.randomUUID(), "LU-other", 2011,
                UUID.randomUUID(), new BigDecimal("80.00"), "GOOD", "GOOD"), "evaluation-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.EVALUATION, published.aggregateId(), EventJson.write(published));
        // the same event again (redelivery) changes nothing
        KafkaTestClient.produce(Topics.EVALUATION, published.aggregateId(), EventJson.write(published));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.leadUnit(unit))
                .contentType(ContentType.JSON).body(patch("人数有误", "participants", 1))
                .when().patch("/api/v1/activities/" + inClosedYear).statusCode() == 409);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(patch("人数有误", "participants", 1))
                .when().patch("/api/v1/activities/" + inClosedYear).then().statusCode(409)
                .body("code", equalTo("assessment-closed"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("reason", "重复"))
                .when().post("/api/v1/activities/" + inClosedYear + "/withdraw").then().statusCode(409)
                .body("code", equalTo("assessment-closed"));
        // nor may a report of an open year move into the closed one
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(patch("日期有误", "startDate", "2011-06-01", "endDate", "2011-06-01"))
                .when().patch("/api/v1/activities/" + inOpenYear).then().statusCode(409)
                .body("code", equalTo("assessment-closed"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(patch("人数有误", "participants", 299)).when().patch("/api/v1/activities/" + inOpenYear)
                .then().statusCode(200).body("participants", equalTo(299));
    }
}
