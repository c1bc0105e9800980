package cn.org.kczg.teams.evaluation.appeal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.evaluation.Events;
import cn.org.kczg.teams.evaluation.assessment.Assessment;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.testkit.CreatedAt;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 21: appeals of grades, disqualifications and bans, within the window, and what an upheld one reverses. */
@QuarkusTest
class AppealTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String AUDITOR = TestTokens.token("auditor");
    private static final String REASON = "考核所依据的投诉已于考核前撤销，扣分不应计入，请求复核";
    private static final String DECISION = "经复核，该投诉已于考核前撤销，扣分有误，予以改正";

    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aGradeAppealInTheWindowIsFiledOnceAndUpheldCorrectsTheGradeAndReversesThePoorGradesDisqualification() {
        String unit = Events.unique("LU-AG");
        UUID team = Events.team(unit, "“科创中国”申诉成绩测试科技服务团", Instant.now());
        Instant published = Instant.parse("2026-02-01T02:00:00Z");
        publishedGrade(2151, team, unit, "POOR", published);
        TestClock.set(published.plus(Duration.ofDays(29)));
        Map<String, Object> body = grade(team, 2151);

        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body(body).when().post("/api/v1/appeals")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.leadUnit(Events.unique("LU-OTHER"))).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/appeals").then().statusCode(404);
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("subject", "GRADE", "teamId", team.toString(), "year", 2151, "reason", "太短了"))
                .when().post("/api/v1/appeals").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("subject", "GRADE", "year", 2151, "reason", REASON))
                .when().post("/api/v1/appeals").then().statusCode(400).body("errors[0].field", equalTo("teamId"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("subject", "VERDICT", "teamId", team.toString(), "year", 2151, "reason", REASON))
                .when().post("/api/v1/appeals").then().statusCode(400);

        var created = given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/appeals").then().statusCode(201).body("status", equalTo("OPEN"))
                .body("leadUnitCreditCode", equalTo(unit)).extract().response();
        String id = created.path("id");
        CreatedAt.follow(created, TestTokens.leadUnit(unit));
        given().auth().oauth2(TestTokens.leadUnit(Events.unique("LU-OTHER"))).when().get("/api/v1/appeals/" + id)
                .then().statusCode(404);
        // one open appeal per subject, the operator's on the unit's behalf too
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body).when().post("/api/v1/appeals")
                .then().statusCode(409).body("code", equalTo("appeal-open"));

        String decide = "/api/v1/appeals/" + id + "/decision";
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHELD", "reason", DECISION, "newGrade", "PASS"))
                .when().post(decide).then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "reason", DECISION))
                .when().post(decide).then().statusCode(400).body("errors[0].field", equalTo("newGrade"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHELD", "reason", DECISION, "newGrade", "POOR"))
                .when().post(decide).then().statusCode(400).body("errors[0].field", equalTo("newGrade"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHELD", "reason", "太短了", "newGrade", "PASS"))
                .when().post(decide).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHELD", "reason", DECISION, "newGrade", "PASS"))
                .when().post(decide).then().statusCode(200).body("status", equalTo("UPHELD"))
                .body("gradeBefore", equalTo("POOR")).body("newGrade", equalTo("PASS"))
                .body("decidedAt", notNullValue());
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("outcome", "DISMISSED", "reason", DECISION))
                .when().post(decide).then().statusCode(409).body("code", equalTo("appeal-decided"));

        given().auth().oauth2(OPERATOR).when().get("/api/v1/assessments/2151/results?leadUnit=" + unit).then()
                .statusCode(200).body("items[0].grade", equalTo("PASS"));
        Map<String, EventEnvelope> events = eventsOf(id, 2);
        EventEnvelope corrected = events.get("assessment.grade-corrected");
        assertEquals(team.toString(), corrected.aggregateId());
        assertEquals("POOR", corrected.payload().get("previousGrade").asText());
        assertEquals("PASS", corrected.payload().get("grade").asText());
        assertEquals(team.toString(), events.get("team.disqualification-reversed").aggregateId());
    }

    @Test
    void anAppealAfterTheWindowIsRefused() {
        String unit = Events.unique("LU-AW");
        UUID team = Events.team(unit, "“科创中国”申诉期测试科技服务团", Instant.now());
        Instant published = Instant.parse("2026-02-01T02:00:00Z");
        publishedGrade(2152, team, unit, "PASS", published);
        TestClock.set(published.plus(Duration.ofDays(30)));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(grade(team, 2152))
                .when().post("/api/v1/appeals").then().statusCode(409).body("code", equalTo("appeal-window-closed"))
                .body("detail", containsString("2026-03-03T02:00:00Z"));
        // no published grade of that year at all: not found
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(grade(team, 2199))
                .when().post("/api/v1/appeals").then().statusCode(404);
    }

    @Test
    void anUpheldBanAppealLiftsTheSanctionsBanAndAnUpheldDisqualificationAppealReversesIt() {
        String unit = Events.unique("LU-AB");
        UUID team = Events.team(unit, "“科创中国”申诉处分测试科技服务团", Instant.now());
        String sanction = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("teamId", team.toString(), "reasonClass", "LEGAL", "note", "团队成员违法经营，经调查属实"))
                .when().post("/api/v1/sanctions").then().statusCode(201).extract().path("id");
        String lead = TestTokens.leadUnit(unit);
        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("subject", "BAN", "teamId", team.toString(), "sanctionId", sanction, "reason", REASON))
                .when().post("/api/v1/appeals").then().statusCode(400).body("errors[0].field", equalTo("teamId"));
        String ban = file(lead, Map.of("subject", "BAN", "sanctionId", sanction, "reason", REASON));
        String disqualification = file(lead, Map.of("subject", "DISQUALIFICATION", "sanctionId", sanction,
                "reason", REASON));

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHELD", "reason", DECISION, "newGrade", "PASS"))
                .when().post("/api/v1/appeals/" + ban + "/decision").then().statusCode(400)
                .body("errors[0].field", equalTo("newGrade"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "reason", DECISION))
                .when().post("/api/v1/appeals/" + ban + "/decision").then().statusCode(200)
                .body("status", equalTo("UPHELD"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/sanctions/" + sanction).then().statusCode(200)
                .body("banLiftedAt", notNullValue());
        List<EventEnvelope> lifted = KafkaTestClient.readUntil(Topics.EVALUATION, Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> liftOf(r.value(), sanction))).stream()
                .filter(r -> liftOf(r.value(), sanction)).map(r -> EventJson.read(r.value())).toList();
        assertEquals(unit, lifted.get(0).aggregateId());
        assertEquals(DECISION, lifted.get(0).payload().get("reason").asText());
        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("subject", "BAN", "sanctionId", sanction, "reason", REASON))
                .when().post("/api/v1/appeals").then().statusCode(409).body("code", equalTo("ban-already-lifted"));

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "reason", DECISION))
                .when().post("/api/v1/appeals/" + disqualification + "/decision").then().statusCode(200);
        EventEnvelope reversed = eventsOf(disqualification, 1).get("team.disqualification-reversed");
        assertEquals(sanction, reversed.payload().get("sanctionId").asText());
        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("subject", "DISQUALIFICATION", "sanctionId", sanction, "reason", REASON))
                .when().post("/api/v1/appeals").then().statusCode(409).body("code", equalTo("already-reversed"));
    }

    @Test
    void aBanLiftedByAnOperatorInReviewMarksTheSanctionOnce() {
        String unit = Events.unique("LU-AR");
        UUID team = Events.team(unit, "“科创中国”解除禁止测试科技服务团", Instant.now());
        String sanction = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("teamId", team.toString(), "reasonClass", "POLITICAL", "note", "团队发表不当言论，经调查属实"))
                .when().post("/api/v1/sanctions").then().statusCode(201).extract().path("id");
        Instant liftedAt = Instant.parse("2026-05-01T00:00:00Z");
        EventEnvelope lift = EventJson.envelope(new LeadUnitBanLifted(UUID.fromString(sanction), unit,
                "运营人员复核后解除", liftedAt), "review-service", "lift-" + sanction, Instant.now());
        Events.send(Topics.REVIEW, lift);
        Events.send(Topics.REVIEW, lift);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(AUDITOR)
                .when().get("/api/v1/sanctions/" + sanction).then().statusCode(200)
                .body("banLiftedAt", equalTo(liftedAt.toString())));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("subject", "BAN", "sanctionId", sanction, "reason", REASON))
                .when().post("/api/v1/appeals").then().statusCode(409).body("code", equalTo("ban-already-lifted"));
    }

    @Test
    void staffListAndExportEveryAppealALeadUnitOnlyItsOwn() {
        String unit = Events.unique("LU-AL");
        UUID team = Events.team(unit, "“科创中国”申诉列表测试科技服务团", Instant.now());
        Instant published = Instant.parse("2026-02-01T02:00:00Z");
        publishedGrade(2153, team, unit, "GOOD", published);
        TestClock.set(published.plus(Duration.ofDays(1)));
        String id = file(TestTokens.leadUnit(unit), grade(team, 2153));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("outcome", "DISMISSED", "reason", DECISION))
                .when().post("/api/v1/appeals/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("DISMISSED")).body("gradeBefore", equalTo("GOOD"));

        given().auth().oauth2(AUDITOR).when().get("/api/v1/appeals?year=2153&subject=GRADE&status=DISMISSED").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/appeals?year=2153&status=OPEN").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/appeals?status=SHUT").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/appeals").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(TestTokens.leadUnit(Events.unique("LU-OTHER"))).when().get("/api/v1/appeals?year=2153")
                .then().statusCode(200).body("total", equalTo(0));

        String csv = given().auth().oauth2(AUDITOR).accept("text/csv").when().get("/api/v1/appeals?year=2153").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.contains("申诉编号") && csv.contains(id) && csv.contains("DISMISSED"), csv);
        given().auth().oauth2(TestTokens.leadUnit(unit)).accept("text/csv").when().get("/api/v1/appeals").then()
                .statusCode(403);
    }

    private static Map<String, Object> grade(UUID team, int year) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "GRADE");
        body.put("teamId", team.toString());
        body.put("year", year);
        body.put("reason", REASON);
        body.put("evidence", "投诉撤销通知书");
        return body;
    }

    @Test
    void anOperatorsDecisionIsRecordedAsAnAccessToThePersonalFieldsItsReplyCarried() {
        String unit = Events.unique("LU-AP");
        UUID team = Events.team(unit, "“科创中国”申诉访问记录测试科技服务团", Instant.now());
        String sanction = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("teamId", team.toString(), "reasonClass", "LEGAL", "note", "团队成员违法经营，经调查属实"))
                .when().post("/api/v1/sanctions").then().statusCode(201).extract().path("id");
        String appeal = file(TestTokens.leadUnit(unit), Map.of("subject", "BAN", "sanctionId", sanction,
                "reason", REASON));
        String decider = "op-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.sign(TestTokens.builder("operator").subject(decider)))
                .contentType(ContentType.JSON).body(Map.of("outcome", "DISMISSED", "reason", DECISION))
                .when().post("/api/v1/appeals/" + appeal + "/decision").then().statusCode(200);

        given().auth().oauth2(AUDITOR).queryParam("actor", decider)
                .when().get("/api/v1/audit/personal-data-access/evaluation").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].method", equalTo("POST"))
                .body("items[0].objectType", equalTo("appeal"))
                .body("items[0].objectId", equalTo(appeal))
                .body("items[0].fields", equalTo(List.of("decidedBy", "filedBy")));
        // the lead unit filing it got its own appeal back: not recorded
        given().auth().oauth2(AUDITOR).queryParam("objectId", appeal)
                .when().get("/api/v1/audit/personal-data-access/evaluation").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1));
    }

    private static String file(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/appeals")
                .then().statusCode(201).extract().path("id");
    }

    private static boolean liftOf(String value, String sanction) {
        return value != null && value.contains(LeadUnitBanLifted.TYPE) && value.contains(sanction);
    }

    /** The events an appeal's decision caused, by type. */
    private static Map<String, EventEnvelope> eventsOf(String appealId, int expected) {
        Map<String, EventEnvelope> byType = new HashMap<>();
        KafkaTestClient.readMatching(Topics.EVALUATION, appealId, expected, Duration.ofSeconds(30))
                .forEach(r -> {
                    EventEnvelope e = EventJson.read(r.value());
                    byType.put(e.type(), e);
                });
        return byType;
    }

    /** A published assessment of the year with the team's grade, as publishing would leave it. */
    private void publishedGrade(int year, UUID team, String unit, String grade, Instant publishedAt) {
        UUID run = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Assessment a = new Assessment();
            a.year = year;
            a.status = Assessment.Status.PUBLISHED;
            a.currentRunId = run;
            a.publishedBy = "operator";
            a.publishedAt = publishedAt;
            a.persist();
            em.createNativeQuery("insert into team_result (run_id, team_id, team_name, lead_unit_credit_code, "
                    + "base_score, penalty, total, fee_violations, vetoed, computed_grade, grade) values "
                    + "(:run, :team, '申诉测试团', :unit, :score, 0, :score, 0, false, :grade, :grade)")
                    .setParameter("run", run).setParameter("team", team).setParameter("unit", unit)
                    .setParameter("score", new BigDecimal("55.00")).setParameter("grade", grade).executeUpdate();
        });
    }
}
