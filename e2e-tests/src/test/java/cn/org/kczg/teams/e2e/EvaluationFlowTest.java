package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Art. 18–21 through the gateway: a team's reported work reaches its metrics; a serious problem bans the lead
 * unit (review refuses it) and disqualifies the team (registration ends it); the year's assessment runs, one
 * grade is adjusted, and publishing disqualifies the poor team while the adjusted one lives on. It publishes
 * the current year for the whole suite, so it runs last. Issue 21: a sanction's ban and disqualification are
 * appealed and reversed, and an operator's ban lifted, after which the unit may submit again.
 */
@Order(Integer.MAX_VALUE - 1) // then only the fuzzer
@TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class EvaluationFlowTest {
    static final String SOCIETY = "51100000500000201M";
    static final String BANNED_SOCIETY = "51100000500000302E";
    static final String APPEALING_SOCIETY = "51100000500000404A";
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    private static final AtomicInteger SUBMISSIONS = new AtomicInteger();

    static LaunchedSuite suite;
    static String operator;
    static String auditor;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
        TeamApplicationFlowTest.start();
        operator = suite.token("operator");
        auditor = suite.token("auditor");
    }

    static String approvedTeam(String leadUnit, String name) {
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit, name);
        TeamApplicationFlowTest.approveAndAwaitTeam(leadUnit, application);
        return given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application)
                .then().extract().path("teamId");
    }

    static void awaitTeamStatus(String teamId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(operator)
                .when().get("/api/v1/teams/" + teamId).then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    @Order(1)
    void aSeriousProblemBansTheLeadUnitAndEndsTheTeam() {
        String leadUnit = suite.token("lead-unit", "--org", BANNED_SOCIETY);
        TeamApplicationFlowTest.register(leadUnit, BANNED_SOCIETY, "中国某某学会", "NATIONAL_SOCIETY");
        String team = approvedTeam(leadUnit, "“科创中国”新材料科技服务团");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(auditor)
                .when().get("/api/v1/teams/" + team + "/metrics/" + YEAR).statusCode() == 200);

        String until = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("teamId", team, "reasonClass", "LEGAL", "note", "团队负责人涉嫌违法，已被依法立案调查"))
                .when().post("/api/v1/sanctions").then().statusCode(201).body("until", notNullValue())
                .extract().path("until");

        awaitTeamStatus(team, "DISQUALIFIED");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(operator)
                .when().get("/api/v1/eligibility/" + BANNED_SOCIETY).then().statusCode(200)
                .body("ban.reasonClass", equalTo("LEGAL")));
        // registration learns of the ban from the same event; a fresh draft per try, as one submitted before it did
        // would stay SUBMITTED (and fail the review's BAN check instead)
        AtomicInteger attempt = new AtomicInteger();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String again = TeamApplicationFlowTest.draft(leadUnit, "“科创中国”新材料" + attempt.incrementAndGet()
                    + "号科技服务团");
            given().auth().oauth2(leadUnit).when().post("/api/v1/applications/" + again + "/submit").then()
                    .statusCode(409).body("code", equalTo("lead-unit-banned"))
                    .body("detail", containsString(until + " 起方可再次申报"));
        });
    }

    @Test
    @Order(2)
    void theAssessmentIsRunAdjustedAndPublishedAndPoorTeamsEnd() {
        String leadUnit = suite.token("lead-unit", "--org", SOCIETY);
        TeamApplicationFlowTest.register(leadUnit, SOCIETY, "中国农学会", "NATIONAL_SOCIETY");
        String poor = approvedTeam(leadUnit, "“科创中国”智慧农业科技服务团");
        String spared = approvedTeam(leadUnit, "“科创中国”种业振兴科技服务团");
        Map<String, Object> report = Map.of("teamId", poor, "category", "TECH_DISSEMINATION", "form", "TRAINING",
                "title", "智慧农业技术培训", "startDate", YEAR + "-01-01", "endDate", YEAR + "-01-01",
                "place", Map.of("city", "杭州市"), "participants", 80, "enterprisesServed", 12,
                "feesCharged", Map.of("amount", 0));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(leadUnit)
                .contentType(ContentType.JSON).body(report).when().post("/api/v1/activities").statusCode() == 201);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                .when().get("/api/v1/teams/" + poor + "/metrics/" + YEAR).then().statusCode(200)
                .body("metrics.find { it.metric == 'enterprises-served' }.value", equalTo(12)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(auditor)
                .when().get("/api/v1/teams/" + spared + "/metrics/" + YEAR).statusCode() == 200);

        given().auth().oauth2(auditor).queryParam("year", YEAR).when().get("/api/v1/indicator-systems").then()
                .statusCode(200).body("items.find { it.isDefault }.status", equalTo("PUBLISHED"));
        // another test's run of the year (the security matrix starts one) may still be going: 409 run-in-progress
        String run = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var started = given().auth().oauth2(operator).when().post("/api/v1/assessments/" + YEAR + "/runs");
            if (started.statusCode() == 409) {
                started.then().body("code", equalTo("run-in-progress"));
                return null;
            }
            return started.then().statusCode(202).extract().header("Location");
        }, location -> location != null);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(given().auth().oauth2(operator)
                .when().get(run).then().statusCode(200).extract().path("state")));
        given().auth().oauth2(auditor).when().get("/api/v1/assessments/" + YEAR + "/results/" + poor).then()
                .statusCode(200).body("result.grade", equalTo("POOR"))
                .body("indicators.find { it.code == 'C3' }.value", equalTo(12.0f));
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("grade", "PASS", "reason", "新组建团队，组建当年按合格认定"))
                .when().post("/api/v1/assessments/" + YEAR + "/results/" + spared + "/grade").then().statusCode(200);

        byte[] csv = given().auth().oauth2(auditor).accept("text/csv").when()
                .get("/api/v1/assessments/" + YEAR + "/lead-units").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains(SOCIETY + ",中国农学会,NATIONAL_SOCIETY,2,") && text.contains("“科创中国”种业振兴科技服务团"),
                text);

        given().auth().oauth2(operator).when().post("/api/v1/assessments/" + YEAR + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED"));
        awaitTeamStatus(poor, "DISQUALIFIED");
        given().auth().oauth2(leadUnit).when().get("/api/v1/assessments/" + YEAR + "/results/" + spared).then()
                .statusCode(200).body("result.grade", equalTo("PASS"))
                .body("result.adjustment.reason", equalTo("新组建团队，组建当年按合格认定"));
        given().auth().oauth2(operator).when().get("/api/v1/teams/" + spared).then().body("status", equalTo("ACTIVE"));
        given().auth().oauth2(operator).when().post("/api/v1/assessments/" + YEAR + "/runs").then().statusCode(409)
                .contentType("application/problem+json");
    }
    @Test
    @Order(3)
    void anUpheldAppealGivesTheTeamBackAndLiftsTheBanAndAnOperatorLiftsItsOwnBan() {
        String leadUnit = suite.token("lead-unit", "--org", APPEALING_SOCIETY);
        TeamApplicationFlowTest.register(leadUnit, APPEALING_SOCIETY, "中国某某申诉学会", "NATIONAL_SOCIETY");
        String team = approvedTeam(leadUnit, "“科创中国”申诉复核科技服务团");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(auditor)
                .when().get("/api/v1/teams/" + team + "/metrics/" + YEAR).statusCode() == 200);
        String sanction = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("teamId", team, "reasonClass", "SCIENTIFIC", "note", "团队成员涉嫌学术不端，已立案调查"))
                .when().post("/api/v1/sanctions").then().statusCode(201).extract().path("id");
        awaitTeamStatus(team, "DISQUALIFIED");
        awaitSubmission(leadUnit, 409);

        String reason = "调查结论认定学术不端举报不实，处分所依据的事实不成立，请求撤销";
        String ban = given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.of("subject", "BAN", "sanctionId", sanction, "reason", reason))
                .when().post("/api/v1/appeals").then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().path("id");
        String disqualification = given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.of("subject", "DISQUALIFICATION", "sanctionId", sanction, "reason", reason))
                .when().post("/api/v1/appeals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.of("subject", "BAN", "sanctionId", sanction, "reason", reason))
                .when().post("/api/v1/appeals").then().statusCode(409).body("code", equalTo("appeal-open"));
        String decision = "经复核，调查结论认定举报不实，申诉成立，撤销处分";
        for (String appeal : new String[] {ban, disqualification}) {
            given().auth().oauth2(operator).contentType(ContentType.JSON)
                    .body(Map.of("outcome", "UPHELD", "reason", decision))
                    .when().post("/api/v1/appeals/" + appeal + "/decision").then().statusCode(200)
                    .body("status", equalTo("UPHELD"));
        }
        given().auth().oauth2(auditor).queryParam("status", "UPHELD").when().get("/api/v1/appeals").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItems(ban, disqualification));
        awaitTeamStatus(team, "ACTIVE");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(operator)
                .when().get("/api/v1/bans/" + sanction).then().statusCode(200).body("inForce", equalTo(false)));
        awaitSubmission(leadUnit, 200);

        // an operator's own ban, lifted by the operator
        String operatorBan = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("creditCode", APPEALING_SOCIETY, "reasonClass", "LEGAL", "since",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()))
                .when().post("/api/v1/bans").then().statusCode(201).extract().path("id");
        awaitSubmission(leadUnit, 409);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("reason", "经复核，该禁止申报记录有误"))
                .when().post("/api/v1/bans/" + operatorBan + "/lift").then().statusCode(200)
                .body("inForce", equalTo(false));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("reason", "经复核，该禁止申报记录有误"))
                .when().post("/api/v1/bans/" + operatorBan + "/lift").then().statusCode(409)
                .body("code", equalTo("ban-lifted"));
        awaitSubmission(leadUnit, 200);
    }

    /** A fresh draft per try is submitted until registration answers {@code status}. */
    private static void awaitSubmission(String leadUnit, int status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String draft = TeamApplicationFlowTest.draft(leadUnit, "“科创中国”申诉第" + SUBMISSIONS.incrementAndGet()
                    + "号科技服务团");
            given().auth().oauth2(leadUnit).when().post("/api/v1/applications/" + draft + "/submit").then()
                    .statusCode(status);
        });
    }
}
