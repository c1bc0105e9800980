package cn.org.kczg.teams.evaluation.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.evaluation.Events;
import cn.org.kczg.teams.evaluation.TeamWork;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One year's assessment end to end inside the service: teams whose work arrives as events, a system with
 * LINEAR, BANDED and rate indicators and both penalties, a run in slices, adjustment, re-run, ranking, data
 * quality, publishing and its events.
 */
@QuarkusTest
class AssessmentTests {
    private static final int YEAR = 2033;
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String AUDITOR = TestTokens.token("auditor");
    private static final Instant ACTIVATED = Instant.parse("2026-03-01T00:00:00Z");

    private static Map<String, Object> system() {
        Map<String, Object> body = new HashMap<>();
        body.put("year", YEAR);
        body.put("name", YEAR + "年度绩效评价指标体系");
        body.put("indicators", List.of(
                Map.of("dimension", "ORGANISATION", "code", "O1", "name", "材料按时上传率", "metric",
                        "uploads.on-time-rate", "weight", 10, "scoring", "LINEAR", "target", 100),
                Map.of("dimension", "CONTENT", "code", "C1", "name", "服务活动场次", "metric", "activities",
                        "weight", 40, "scoring", "LINEAR", "target", 10),
                Map.of("dimension", "CONTENT", "code", "C2", "name", "服务试点城市数", "metric", "pilot-cities",
                        "weight", 20, "scoring", "BANDED", "bands", List.of(Map.of("min", 1, "score", 50),
                                Map.of("min", 2, "score", 100))),
                Map.of("dimension", "EFFECT", "code", "E1", "name", "服务企业数", "metric", "enterprises-served",
                        "weight", 30, "scoring", "LINEAR", "target", 100)));
        body.put("penalties", List.of(Map.of("metric", "complaints.upheld", "points", 5),
                Map.of("metric", "fee-violations.upheld", "points", 10)));
        body.put("feeViolationVeto", 2);
        return body;
    }

    /** Ten activities in two pilot cities, {@code enterprises} each; the first title twice on one day. */
    private static void tenActivities(UUID team, int enterprises, int outlierParticipants) {
        for (int i = 0; i < 10; i++) {
            TeamWork.activity(team, YEAR, "技术对接会" + (i == 9 ? 0 : i), LocalDate.of(YEAR, 3, 1 + (i == 9 ? 0 : i)),
                    i % 2 == 0 ? "苏州市" : "无锡市", "PILOT", i == 5 && outlierParticipants > 0 ? outlierParticipants : 10,
                    enterprises);
        }
    }

    private static float metric(UUID team, String code) {
        Object v = given().auth().oauth2(AUDITOR).when().get("/api/v1/teams/" + team + "/metrics/" + YEAR).then()
                .extract().path("metrics.find { it.metric == '" + code + "' }.value");
        return v == null ? Float.NaN : ((Number) v).floatValue();
    }

    private static String awaitRun(String location) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(given().auth().oauth2(OPERATOR)
                .when().get(location).then().statusCode(200).extract().path("state")));
        int total = given().auth().oauth2(OPERATOR).when().get(location).then().extract().path("total");
        given().auth().oauth2(AUDITOR).when().get(location).then().body("processed", equalTo(total));
        assertTrue(total >= 5, "the run scored every live team");
        return location;
    }

    private static String startRun() {
        return given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + YEAR + "/runs").then()
                .statusCode(202).body("state", equalTo("RUNNING")).extract().header("Location");
    }

    private static String result(UUID team) {
        return "/api/v1/assessments/" + YEAR + "/results/" + team;
    }

    @Test
    void theYearIsScoredAdjustedRankedCheckedAndPublished() {
        String u1 = Events.unique("LU-A1");
        String u2 = Events.unique("LU-A2");
        String u3 = Events.unique("LU-A3");
        Events.leadUnit(u1, "中国机械工程学会（测试一）");
        Events.leadUnit(u2, "中国电子学会（测试二）");
        Events.leadUnit(u3, "中国化工学会（测试三）");
        Events.send(Topics.REVIEW, Events.envelope(new ReviewDecided(UUID.randomUUID(), UUID.randomUUID(), u1,
                ReviewDecided.Decision.APPROVED, List.of("符合第五条"), "reviewer-1", Instant.parse(YEAR + "-02-01T02:00:00Z"),
                List.of()), Instant.now()));
        UUID a = Events.team(u1, "“科创中国”优秀测试科技服务团", ACTIVATED);
        UUID b = Events.team(u1, "“科创中国”较差测试科技服务团", ACTIVATED);
        UUID c = Events.team(u2, "“科创中国”收费测试科技服务团", ACTIVATED);
        UUID d = Events.team(u2, "“科创中国”投诉测试科技服务团", ACTIVATED);
        UUID e = Events.team(u3, "“科创中国”上传测试科技服务团", ACTIVATED);

        tenActivities(a, 10, 0);
        TeamWork.activity(b, YEAR, "对接会", LocalDate.of(YEAR, 4, 1), "苏州市", "PILOT", 10, 0);
        TeamWork.activity(b, YEAR, "培训", LocalDate.of(YEAR, 4, 2), null, "ONLINE", 10, 0);
        tenActivities(c, 10, 0);
        TeamWork.feeViolation(c, YEAR, "UPHELD");
        TeamWork.feeViolation(c, YEAR, "UPHELD");
        tenActivities(d, 8, 0);
        TeamWork.complaintUpheld(d, YEAR);
        tenActivities(e, 10, 500);
        TeamWork.upload(e, YEAR + "-Q1", true);
        TeamWork.upload(e, YEAR + "-Q2", false);
        Instant at = Instant.parse(YEAR + "-05-01T02:00:00Z");
        TeamWork.ticket(TicketChanged.RESOLVED, UUID.randomUUID(), a, at, at, at.plusSeconds(86_400), null);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> metric(a, "activities") == 10
                && metric(b, "activities") == 2 && metric(c, "fee-violations.upheld") == 2
                && metric(d, "complaints.upheld") == 1 && metric(e, "uploads.on-time-rate") == 50
                && metric(c, "activities") == 10 && metric(d, "activities") == 10 && metric(e, "activities") == 10
                && metric(a, "tickets.resolved") == 1);

        // nothing to run against until the year has a published system
        given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + YEAR + "/runs").then().statusCode(409)
                .body("code", equalTo("no-indicator-system"));
        String systemId = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(system())
                .when().post("/api/v1/indicator-systems").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OPERATOR).when().post("/api/v1/indicator-systems/" + systemId + "/publish").then()
                .statusCode(200);
        given().auth().oauth2(AUDITOR).when().post("/api/v1/assessments/" + YEAR + "/runs").then().statusCode(403);

        String firstRun = awaitRun(startRun());
        given().auth().oauth2(AUDITOR).when().get(result(a)).then().statusCode(200)
                .body("result.total", equalTo(100.0f)).body("result.grade", equalTo("EXCELLENT"))
                .body("result.gradeLabel", equalTo("优秀"))
                .body("indicators.find { it.code == 'O1' }.applicable", equalTo(false))
                .body("indicators.find { it.code == 'C2' }.score", equalTo(100.0f))
                .body("indicators.find { it.code == 'C2' }.name", equalTo("服务试点城市数"));
        given().auth().oauth2(AUDITOR).when().get(result(b)).then()
                .body("result.total", equalTo(20.0f)).body("result.grade", equalTo("POOR"))
                .body("indicators.find { it.code == 'C2' }.score", equalTo(50.0f));
        given().auth().oauth2(AUDITOR).when().get(result(c)).then()
                .body("result.baseScore", equalTo(100.0f)).body("result.penalty", equalTo(20.0f))
                .body("result.total", equalTo(80.0f)).body("result.vetoed", equalTo(true))
                .body("result.feeViolations", equalTo(2)).body("result.grade", equalTo("POOR"));
        given().auth().oauth2(AUDITOR).when().get(result(d)).then()
                .body("result.total", equalTo(88.33f)).body("result.penalty", equalTo(5.0f))
                .body("result.grade", equalTo("GOOD"));
        given().auth().oauth2(AUDITOR).when().get(result(e)).then()
                .body("result.total", equalTo(95.0f)).body("result.organisation", equalTo(50.0f))
                .body("result.grade", equalTo("EXCELLENT"));

        // adjustment: operator only, with a reason, shown to auditors; a re-run replaces the draft
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("grade", "PASS", "reason", "短"))
                .when().post(result(b) + "/grade").then().statusCode(400).body("errors[0].field", containsString("reason"));
        String reason = "该团队年内承担抗洪救灾科技服务任务，经研究酌情调整";
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body(Map.of("grade", "PASS", "reason", reason))
                .when().post(result(b) + "/grade").then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("grade", "PASS", "reason", reason))
                .when().post(result(b) + "/grade").then().statusCode(200)
                .body("grade", equalTo("PASS")).body("computedGrade", equalTo("POOR"));
        given().auth().oauth2(AUDITOR).when().get(result(b)).then()
                .body("result.adjustment.reason", equalTo(reason)).body("result.adjustment.from", equalTo("POOR"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/assessments/" + YEAR + "/history").then().statusCode(200)
                .body("action", hasItem("assessment.grade-adjusted"))
                .body("find { it.action == 'assessment.grade-adjusted' }.reason", containsString(reason));

        String secondRun = awaitRun(startRun());
        assertTrue(!secondRun.equals(firstRun));
        given().auth().oauth2(AUDITOR).when().get(result(b)).then()
                .body("result.grade", equalTo("POOR")).body("result.adjustment", nullValue());
        given().auth().oauth2(AUDITOR).when().get("/api/v1/assessments/" + YEAR).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("currentRun.id", equalTo(secondRun.substring(
                        secondRun.lastIndexOf('/') + 1)));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("grade", "EXCELLENT", "reason", "示范项目成效突出，经评审委员会认定为优秀"))
                .when().post(result(d) + "/grade").then().statusCode(200);

        // lead units ranked by average, also as CSV for Excel
        List<String> ranked = given().auth().oauth2(AUDITOR).when()
                .get("/api/v1/assessments/" + YEAR + "/lead-units?category=NATIONAL_SOCIETY&size=100").then()
                .statusCode(200).extract().path("items.creditCode");
        assertTrue(ranked.indexOf(u3) < ranked.indexOf(u2) && ranked.indexOf(u2) < ranked.indexOf(u1), ranked::toString);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/assessments/" + YEAR + "/lead-units?category=NATIONAL_SOCIETY")
                .then().body("items.find { it.creditCode == '" + u1 + "' }.average", equalTo(60.0f))
                .body("items.find { it.creditCode == '" + u1 + "' }.name", equalTo("中国机械工程学会（测试一）"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(AUDITOR).when()
                .get("/api/v1/assessments/" + YEAR + "/lead-units?category=NATIONAL_SOCIETY&size=100").then()
                .body("items.find { it.creditCode == '" + u1 + "' }.applications.approved", equalTo(1)));
        // JSON unless the caller prefers CSV
        String leadUnits = "/api/v1/assessments/" + YEAR + "/lead-units?category=NATIONAL_SOCIETY";
        for (String json : List.of("application/json", "*/*", "text/csv;q=0.5, application/json")) {
            given().auth().oauth2(AUDITOR).accept(json).when().get(leadUnits).then().statusCode(200)
                    .contentType(ContentType.JSON).body("page", equalTo(0)).body("size", equalTo(20))
                    .body("total", equalTo(ranked.size())).body("items[0].rank", equalTo(1));
        }
        given().auth().oauth2(AUDITOR).accept("text/csv, application/json;q=0.5").when().get(leadUnits).then()
                .statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"lead-units-" + YEAR + ".csv\"");
        byte[] csv = given().auth().oauth2(AUDITOR).accept("text/csv").when()
                .get("/api/v1/assessments/" + YEAR + "/lead-units").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("年度,排名,统一社会信用代码,牵头单位,单位类别,团队数,平均分,科技服务团,团队总分,等级"), text);
        assertTrue(text.contains(u3 + ",中国化工学会（测试三）,NATIONAL_SOCIETY,1,95.00,“科创中国”上传测试科技服务团,95.00,优秀"),
                text);

        // data quality for the auditor
        Map<String, List<String>> flags = Map.of("DUPLICATE_ACTIVITY", List.of(a.toString()), "PARTICIPANT_OUTLIER",
                List.of(e.toString()), "LATE_UPLOAD", List.of(e.toString()), "RESOLVED_WITHOUT_ANSWER",
                List.of(a.toString()));
        flags.forEach((kind, teams) -> given().auth().oauth2(AUDITOR).when()
                .get("/api/v1/assessments/" + YEAR + "/data-quality?kind=" + kind + "&size=100").then().statusCode(200)
                .body("items.teamId", hasItem(teams.get(0))));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/assessments/" + YEAR + "/data-quality?teamId=" + b).then()
                .body("total", equalTo(0));

        // lead units see nothing before publishing; publishing emits per team
        given().auth().oauth2(TestTokens.leadUnit(u1)).when().get(result(a)).then().statusCode(404);
        given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + YEAR + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        Set<String> ours = Set.of(a, b, c, d, e).stream().map(UUID::toString).collect(Collectors.toSet());
        var events = KafkaTestClient.readUntil(Topics.EVALUATION, Duration.ofSeconds(30), records -> records.stream()
                .map(r -> EventJson.read(r.value())).filter(env -> ours.contains(env.aggregateId()))
                .count() >= 5 + 2 + 3);
        Map<String, Set<String>> byType = events.stream().map(r -> EventJson.read(r.value()))
                .filter(env -> ours.contains(env.aggregateId())).collect(Collectors.groupingBy(EventEnvelope::type,
                        Collectors.mapping(EventEnvelope::aggregateId, Collectors.toSet())));
        assertEquals(ours, byType.get("assessment.published"));
        assertEquals(Set.of(b.toString(), c.toString()), byType.get("team.disqualified"));
        assertEquals(Set.of(a.toString(), d.toString(), e.toString()), byType.get("team.stable-support"));
        EventEnvelope published = events.stream().map(r -> EventJson.read(r.value()))
                .filter(env -> env.type().equals("assessment.published") && env.aggregateId().equals(d.toString()))
                .findFirst().orElseThrow();
        assertEquals("EXCELLENT", published.payload().get("grade").asText());
        assertEquals("GOOD", published.payload().get("computedGrade").asText());

        // published is final
        given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + YEAR + "/runs").then().statusCode(409)
                .body("code", equalTo("already-published"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("grade", "GOOD", "reason", reason))
                .when().post(result(b) + "/grade").then().statusCode(409);
        given().auth().oauth2(TestTokens.leadUnit(u1)).when().get(result(a)).then().statusCode(200)
                .body("result.grade", equalTo("EXCELLENT"));
        given().auth().oauth2(TestTokens.leadUnit(u1)).when().get(result(c)).then().statusCode(404);
    }
}
