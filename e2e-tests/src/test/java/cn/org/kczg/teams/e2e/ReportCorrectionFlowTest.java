package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, Art. 18–19 through the gateway: no activity from the future; a report corrected (audited old → new, the
 * metrics follow) and withdrawn (out of lists and metrics); a demonstration project and work guidance counted as
 * metrics; incentives only after the year's assessment is published, listed and exported.
 */
class ReportCorrectionFlowTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Last year: no flow publishes its assessment, so its reports stay correctable. */
    private static final int LAST_YEAR = LocalDate.now(CHINA).getYear() - 1;
    static LaunchedSuite suite;
    static String code;
    static String leadUnit;
    static String teamId;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
        TeamApplicationFlowTest.start();
        code = TestCreditCodes.fresh("5110");
        leadUnit = suite.token("lead-unit", "--org", code);
        TeamApplicationFlowTest.register(leadUnit, code, "中国更正流程学会", "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”活动更正科技服务团");
        TeamApplicationFlowTest.approveAndAwaitTeam(leadUnit, application);
        teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application)
                .then().extract().path("teamId");
    }

    private static Map<String, Object> report(LocalDate day) {
        Map<String, Object> body = new HashMap<>(Map.of("teamId", teamId, "category", "TECH_DISSEMINATION",
                "form", "TRAINING", "title", "新材料技术培训", "startDate", day.toString(), "endDate", day.toString(),
                "place", Map.of("city", "宁波市"), "participants", 80, "enterprisesServed", 12,
                "feesCharged", Map.of("amount", 0)));
        return body;
    }

    /**
     * The metric's value (an integer count or a decimal figure, as the metric is), NaN while it has none — also while
     * evaluation-service has not yet heard of the team (404 until its {@code team.activated} arrives).
     */
    private static double metric(int year, String code) {
        var response = given().auth().oauth2(leadUnit).when().get("/api/v1/teams/" + teamId + "/metrics/" + year)
                .then().statusCode(oneOf(200, 404)).extract();
        Object value = response.statusCode() == 404 ? null
                : response.path("metrics.find { it.metric == '" + code + "' }.value");
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    @Test
    void aReportIsCorrectedAndWithdrawnAndRecognitionCountsAsMetrics() {
        String operator = suite.token("operator");
        String auditor = suite.token("auditor");
        LocalDate tomorrow = LocalDate.now(CHINA).plusDays(1);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                .contentType(ContentType.JSON).body(report(tomorrow)).when().post("/api/v1/activities").then()
                .statusCode(400).body("errors[0].field", equalTo("startDate")));

        LocalDate day = LocalDate.of(LAST_YEAR, 6, 1);
        String activity = given().auth().oauth2(leadUnit).contentType(ContentType.JSON).body(report(day))
                .when().post("/api/v1/activities").then().statusCode(201).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> metric(LAST_YEAR, "participants") == 80);

        given().auth().oauth2(leadUnit).contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("reason", "参加人数以签到表为准", "participants", 60))
                .when().patch("/api/v1/activities/" + activity).then().statusCode(200)
                .body("participants", equalTo(60)).body("status", equalTo("CORRECTED"));
        given().auth().oauth2(auditor).when().get("/api/v1/activities/" + activity + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("activity.reported", "activity.corrected")))
                .body("[1].reason", containsString("participants: 80 → 60"));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> metric(LAST_YEAR, "participants") == 60);

        given().auth().oauth2(leadUnit).contentType(ContentType.JSON).body(Map.of("reason", "与另一条重复报送"))
                .when().post("/api/v1/activities/" + activity + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(leadUnit).queryParam("teamId", teamId).when().get("/api/v1/activities").then()
                .statusCode(200).body("items.id", not(hasItem(activity)));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> metric(LAST_YEAR, "activities") == 0);

        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId, "year", LAST_YEAR, "title", "新材料中试服务示范项目"))
                .when().post("/api/v1/demonstration-projects").then().statusCode(201);
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId, "date", day.toString(), "topic", "年度计划",
                        "content", "建议聚焦宁波新材料产业集群的共性需求。"))
                .when().post("/api/v1/guidance").then().statusCode(201);
        given().auth().oauth2(leadUnit).queryParam("year", LAST_YEAR).when().get("/api/v1/demonstration-projects")
                .then().statusCode(200).body("items[0].title", equalTo("新材料中试服务示范项目"));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> metric(LAST_YEAR, "demonstration-projects") == 1
                        && metric(LAST_YEAR, "guidance-sessions") == 1);

        // incentives wait for the year's published assessment; the list is a file on request
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("reason", "示范带动作用突出"))
                .when().put("/api/v1/incentives/2150/lead-units/" + code).then().statusCode(409)
                .body("code", equalTo("assessment-not-published"));
        given().auth().oauth2(auditor).accept("text/csv").queryParam("year", LAST_YEAR)
                .when().get("/api/v1/incentives").then().statusCode(200).contentType(startsWith("text/csv"));
    }
}
