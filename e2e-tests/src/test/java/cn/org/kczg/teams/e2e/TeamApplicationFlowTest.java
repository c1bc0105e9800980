package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Art. 3–9 through the gateway: the operator opens a window, lead units register, draft and submit,
 * review-service checks and a reviewer decides, and approved teams appear in the public list.
 */
class TeamApplicationFlowTest {
    static final String UNIVERSITY = "12100000400000123X";
    static final String NATIONAL_SOCIETY = "511000005000000007";

    static LaunchedSuite suite;
    static String reviewer;
    private static boolean windowOpen;

    @BeforeAll
    static synchronized void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
        reviewer = suite.token("reviewer", "--sub", "reviewer-e2e");
        if (windowOpen) {
            return;
        }
        windowOpen = true;
        openWindow(suite.token("operator"));
    }

    /** This year's registration window, open from a minute ago for 30 days. */
    static void openWindow(String operator) {
        Instant now = Instant.now();
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("year", Year.now().getValue(), "opensAt", now.minusSeconds(60).toString(),
                        "closesAt", now.plus(Duration.ofDays(30)).toString(), "note", "年度申报"))
                .when().post("/api/v1/registration-windows").then().statusCode(201);
    }

    static void register(String token, String creditCode, String name, String category) {
        PersonalValues.used("陈静", "0571-87951111", "chen@example.cn");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("creditCode", creditCode, "name", name, "category", category,
                        "contact", Map.of("name", "陈静", "phone", "0571-87951111", "email", "chen@example.cn")))
                .when().post("/api/v1/lead-units").then().statusCode(201);
    }

    /** Drafts (name first, the rest by PATCH) and submits; returns the application id. */
    static String draftAndSubmit(String token, String name) {
        String id = draft(token, name);
        given().auth().oauth2(token).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        return id;
    }

    /** A complete draft (name first, the rest by PATCH), not submitted yet; returns the application id. */
    static String draft(String token, String name) {
        PersonalValues.used("陈静", "周敏", "13700137000", "zm@zju.edu.cn");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "categories", List.of("RD_SUPPORT")))
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.ofEntries(
                        Map.entry("pilotCities", List.of("杭州市")),
                        Map.entry("keyFields", List.of("数字医疗")),
                        Map.entry("experience", "医工交叉平台十年"),
                        Map.entry("distinctiveServices", "医疗器械临床转化"),
                        Map.entry("organisingCapacity", "附属医院7家"),
                        Map.entry("workFoundation", "服务企业80家"),
                        Map.entry("resourcesCommitted", Map.of("text", "专项经费", "yearlyBudget", 300000, "staff", 4)),
                        Map.entry("continuityPlan", "季度例会"),
                        Map.entry("members", List.of(Map.of("name", "陈静", "field", "生物医学工程", "title", "教授",
                                "affiliation", "浙江大学", "role", "LEADER"))),
                        Map.entry("handler", Map.of("name", "周敏", "phone", "13700137000", "email", "zm@zju.edu.cn",
                                "userId", "handler-zhoumin"))))
                .when().patch("/api/v1/applications/" + id).then().statusCode(200);
        return id;
    }

    /** The review case review-service opened for the application, claimed by the reviewer. */
    static String claimedCase(String applicationId) {
        return claimedCase(reviewer, applicationId);
    }

    static String claimedCase(String reviewer, String applicationId) {
        String caseId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(reviewer)
                .queryParam("applicationId", applicationId).when().get("/api/v1/reviews")
                .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
        given().auth().oauth2(reviewer).when().post("/api/v1/reviews/" + caseId + "/claim").then().statusCode(200);
        return caseId;
    }

    static void approveAndAwaitTeam(String token, String applicationId) {
        approveAndAwaitTeam(reviewer, token, applicationId);
    }

    static void approveAndAwaitTeam(String reviewer, String token, String applicationId) {
        String caseId = claimedCase(reviewer, applicationId);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("reason", "符合第五条、第八条"))
                .when().post("/api/v1/reviews/" + caseId + "/approve").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/api/v1/applications/" + applicationId).then().body("status", equalTo("APPROVED")));
    }

    @Test
    void submitChecksClaimApproveAndTheTeamIsPublic() {
        String leadUnit = suite.token("lead-unit", "--org", UNIVERSITY);
        register(leadUnit, UNIVERSITY, "浙江大学", "UNIVERSITY_INSTITUTE_ENTERPRISE");
        String id = draftAndSubmit(leadUnit, "\"科创中国\"数字医疗科技服务团");
        String caseId = claimedCase(id);
        given().auth().oauth2(reviewer).when().get("/api/v1/reviews/" + caseId).then()
                .body("checks.name", org.hamcrest.Matchers.contains("ELIGIBILITY", "BAN", "QUOTA", "COMPLETENESS"))
                .body("checks[0].passed", equalTo(true));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("reason", "符合第五条(三)"))
                .when().post("/api/v1/reviews/" + caseId + "/approve").then().statusCode(200);

        String body = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .queryParam("q", "数字医疗").when().get("/api/v1/public/teams")
                .then().statusCode(200).extract().asString(), b -> b.contains("“科创中国”数字医疗科技服务团"));
        assertFalse(body.contains("13700137000") || body.contains("handler-zhoumin") || body.contains("@"),
                "the public list shows contact data: " + body);
        given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + id)
                .then().body("status", equalTo("APPROVED"));

        // Art. 14 after activation: partner units change, each counted by its credit code
        String teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + id).then()
                .extract().path("teamId");
        String partner = TestCreditCodes.fresh("1233");
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.of("partnerUnits", List.of(Map.of("name", "浙江省某医院", "duties", "临床需求对接",
                        "creditCode", partner))))
                .when().put("/api/v1/teams/" + teamId + "/partner-units").then().statusCode(200)
                .body("partnerUnits[0].creditCode", equalTo(partner));
        String csv = given().auth().oauth2(suite.token("auditor")).accept("text/csv").queryParam("leadUnit", UNIVERSITY)
                .when().get("/api/v1/applications").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFF申请编号,团队名称") && csv.contains(id), csv);
    }

    @Test
    void theSixthApplicationOfANationalSocietyFailsTheQuotaCheck() {
        String leadUnit = suite.token("lead-unit", "--org", NATIONAL_SOCIETY);
        register(leadUnit, NATIONAL_SOCIETY, "中国仪器仪表学会", "NATIONAL_SOCIETY");
        for (int i = 1; i <= 5; i++) {
            approveAndAwaitTeam(leadUnit, draftAndSubmit(leadUnit, "“科创中国”仪器仪表" + i + "号科技服务团"));
        }
        String sixth = draftAndSubmit(leadUnit, "“科创中国”仪器仪表6号科技服务团");
        String caseId = claimedCase(sixth);
        given().auth().oauth2(reviewer).when().get("/api/v1/reviews/" + caseId).then()
                .body("checks[2].name", equalTo("QUOTA")).body("checks[2].passed", equalTo(false))
                .body("checks[2].detail", containsString("5 of 5"));
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("reason", "超出第八条名额"))
                .when().post("/api/v1/reviews/" + caseId + "/reject").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                .when().get("/api/v1/applications/" + sixth).then().body("status", equalTo("REJECTED"))
                .body("decisionReasons[0]", equalTo("超出第八条名额")));
    }
}
