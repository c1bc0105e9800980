package cn.org.kczg.teams.evaluation.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.org.kczg.teams.evaluation.Events;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Art. 18: demonstration projects and work guidance, recorded by the operator, counted as metrics. */
@QuarkusTest
class RecognitionTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String AUDITOR = TestTokens.token("auditor");

    private static float metric(UUID team, int year, String code) {
        Object v = given().auth().oauth2(AUDITOR).when().get("/api/v1/teams/" + team + "/metrics/" + year).then()
                .statusCode(200).extract().path("metrics.find { it.metric == '" + code + "' }.value");
        return v == null ? Float.NaN : ((Number) v).floatValue();
    }

    private static Map<String, Object> project(UUID team, Object year) {
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", team.toString());
        body.put("year", year);
        body.put("title", "长三角智能制造共性技术服务示范项目");
        body.put("description", "服务企业120家");
        return body;
    }

    @Test
    void aDemonstrationProjectCountsUntilRevokedAndOnlyTheOperatorMarksIt() {
        String unit = Events.unique("LU-R");
        UUID team = Events.team(unit, "“科创中国”示范测试科技服务团", Instant.parse("2026-01-05T00:00:00Z"));

        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(project(team, 2026))
                .when().post("/api/v1/demonstration-projects").then().statusCode(403);
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body(project(team, 2026))
                .when().post("/api/v1/demonstration-projects").then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(project(UUID.randomUUID(), 2026))
                .when().post("/api/v1/demonstration-projects").then().statusCode(404);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(project(team, 99999))
                .when().post("/api/v1/demonstration-projects").then().statusCode(400)
                .body("errors[0].field", containsString("year"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(project(team, "二〇二六"))
                .when().post("/api/v1/demonstration-projects").then().statusCode(400);

        String location = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(project(team, 2026))
                .when().post("/api/v1/demonstration-projects").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("leadUnitCreditCode", equalTo(unit))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> metric(team, 2026, "demonstration-projects") == 1);

        given().auth().oauth2(TestTokens.leadUnit(unit)).queryParam("year", 2026)
                .when().get("/api/v1/demonstration-projects").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(TestTokens.leadUnit(Events.unique("LU-X"))).when()
                .get("/api/v1/demonstration-projects").then().statusCode(200).body("items.id", equalTo(List.of()));
        given().auth().oauth2(TestTokens.leadUnit(Events.unique("LU-X"))).when()
                .get("/api/v1/demonstration-projects/" + id).then().statusCode(404);
        given().auth().oauth2(AUDITOR).queryParam("teamId", team.toString())
                .when().get("/api/v1/demonstration-projects").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.token("volunteer")).when().get("/api/v1/demonstration-projects").then()
                .statusCode(403);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .when().delete("/api/v1/demonstration-projects/" + id).then().statusCode(400);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "项目成效经复核未达示范标准"))
                .when().delete("/api/v1/demonstration-projects/" + id).then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "再撤"))
                .when().delete("/api/v1/demonstration-projects/" + id).then().statusCode(409)
                .body("code", equalTo("already-revoked"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "无"))
                .when().delete("/api/v1/demonstration-projects/" + UUID.randomUUID()).then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(0f, metric(team, 2026, "demonstration-projects"));
        given().auth().oauth2(AUDITOR).queryParam("teamId", team.toString())
                .when().get("/api/v1/demonstration-projects").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(AUDITOR).queryParam("teamId", team.toString()).queryParam("status", "REVOKED")
                .when().get("/api/v1/demonstration-projects").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/demonstration-projects/" + id + "/history").then()
                .statusCode(200).body("action", equalTo(List.of("demonstration-project.marked",
                        "demonstration-project.revoked")));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/teams/" + team + "/metrics/2026/demonstration-projects")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void guidanceGivenToATeamIsListedByTeamAndYearAndCounted() {
        String unit = Events.unique("LU-G");
        UUID team = Events.team(unit, "“科创中国”指导测试科技服务团", Instant.parse("2026-01-05T00:00:00Z"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> body = new HashMap<>(Map.of("teamId", team.toString(), "date", "2026-10-12",
                "topic", "年度工作计划与试点城市对接", "content", "建议聚焦苏州、无锡两地的共性技术需求。"));

        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/guidance").then().statusCode(403);
        body.put("date", today.plusDays(1).toString());
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/guidance").then().statusCode(400).body("errors[0].field", equalTo("date"));
        body.put("date", "2026-10-12");
        body.put("topic", " ");
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/guidance").then().statusCode(400).body("errors[0].field", containsString("topic"));
        body.put("topic", "年度工作计划与试点城市对接");
        body.put("givenBy", "学会服务中心 王敏");
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/guidance").then().statusCode(201).body("year", equalTo(2026))
                .body("givenBy", equalTo("学会服务中心 王敏"));
        body.put("date", "2025-03-01");
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/guidance").then().statusCode(201);

        given().auth().oauth2(TestTokens.leadUnit(unit)).queryParam("teamId", team.toString()).queryParam("year", 2026)
                .when().get("/api/v1/guidance").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].date", equalTo("2026-10-12"));
        given().auth().oauth2(AUDITOR).queryParam("teamId", team.toString())
                .when().get("/api/v1/guidance").then().statusCode(200).body("total", equalTo(2))
                .body("items.date", hasItem("2025-03-01"));
        given().auth().oauth2(TestTokens.leadUnit(Events.unique("LU-X"))).queryParam("teamId", team.toString())
                .when().get("/api/v1/guidance").then().statusCode(200).body("total", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(1f, metric(team, 2026, "guidance-sessions"));
        org.junit.jupiter.api.Assertions.assertEquals(1f, metric(team, 2025, "guidance-sessions"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/indicator-systems/metrics").then().statusCode(200)
                .body("code", hasItem("guidance-sessions")).body("code", hasItem("demonstration-projects"));
    }

    /** docs/personal-data.md, "Masking": a refused name is named as a field, never echoed. */
    @Test
    void aRefusedGivenByIsNamedNotEchoed() {
        String name = "学会服务中心王敏13912345678";
        UUID team = Events.team(Events.unique("LU-G"), "“科创中国”指导校验科技服务团", Instant.parse("2026-01-05T00:00:00Z"));
        Map<String, Object> body = Map.of("teamId", team.toString(), "date", "2026-10-12",
                "topic", "指导", "content", "建议", "givenBy", name.repeat(20));
        String problem = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/guidance").then().statusCode(400).body("errors[0].field", equalTo("givenBy"))
                .extract().asString();
        assertFalse(problem.contains("王敏") || problem.contains("13912345678"), problem);
        String malformed = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("wangmin13912345678")
                .when().post("/api/v1/guidance").then().statusCode(400).body("code", equalTo("malformed-json"))
                .extract().asString();
        assertFalse(malformed.contains("wangmin") || malformed.contains("13912345678"), malformed);
    }
}
