package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, review by a panel (Art. 3, 6, 9) through the gateway: the operator appoints three reviewers, the added
 * members are told, one recuses themself, the others score every criterion, the chair decides with the means shown,
 * the lead unit sees the means but no member's scores, and the operator exports the case list.
 */
class ReviewPanelFlowTest {
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        TeamApplicationFlowTest.start();
        suite = TeamApplicationFlowTest.suite;
        RestAssured.baseURI = suite.gatewayUrl;
    }

    private static Map<String, Object> sheet(int art6, int art9) {
        Map<String, Object> scores = new LinkedHashMap<>();
        for (String code : List.of("ART6_EXPERIENCE", "ART6_DISTINCTIVE_SERVICES", "ART6_CAPACITY")) {
            scores.put(code, art6);
        }
        for (String code : List.of("ART9_WORK_FOUNDATION", "ART9_RESOURCES", "ART9_CONTINUITY", "ART9_KEY_FIELDS")) {
            scores.put(code, art9);
        }
        return Map.of("noConflict", true, "scores", scores, "comment", "服务经验丰富，资源投入明确");
    }

    @Test
    void aPanelScoresItsChairDecidesAndTheListExports() {
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code);
        TeamApplicationFlowTest.register(leadUnit, code, "中国生物医学工程学会", "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”评审组" + code.substring(10)
                + "科技服务团");
        String operator = suite.token("operator");
        String caseId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(operator)
                .queryParam("applicationId", application).when().get("/api/v1/reviews")
                .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);

        given().auth().oauth2(operator).when().get("/api/v1/reviews/criteria").then().statusCode(200)
                .body("code", hasItem("ART9_KEY_FIELDS"));
        String chair = "panel-chair-" + code;
        String member = "panel-member-" + code;
        String conflicted = "panel-conflicted-" + code;
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("reviewers", List.of(chair, member, conflicted), "chair", chair))
                .when().put("/api/v1/reviews/" + caseId + "/panel").then().statusCode(200)
                .body("claimedBy", equalTo(chair)).body("panel.awaiting", contains(chair, member, conflicted));
        String chairToken = suite.token("reviewer", "--sub", chair);
        String memberToken = suite.token("reviewer", "--sub", member);
        // the members were told (review.case-assigned → activity-service's notice to the person)
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(memberToken)
                .queryParam("kind", "review.case-assigned").when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.link", hasItem("/reviews/" + caseId)));

        given().auth().oauth2(suite.token("reviewer", "--sub", conflicted)).contentType(ContentType.JSON)
                .body(Map.of("noConflict", false)).when().put("/api/v1/reviews/" + caseId + "/scores").then()
                .statusCode(409).body("code", equalTo("conflict-of-interest"));
        given().auth().oauth2(chairToken).contentType(ContentType.JSON).body(Map.of("reason", "符合第五条、第六条"))
                .when().post("/api/v1/reviews/" + caseId + "/approve").then().statusCode(409)
                .body("code", equalTo("scores-missing"));
        given().auth().oauth2(chairToken).contentType(ContentType.JSON).body(sheet(8, 6))
                .when().put("/api/v1/reviews/" + caseId + "/scores").then().statusCode(200);
        given().auth().oauth2(memberToken).contentType(ContentType.JSON).body(sheet(6, 8))
                .when().put("/api/v1/reviews/" + caseId + "/scores").then().statusCode(200);
        given().auth().oauth2(memberToken).contentType(ContentType.JSON).body(Map.of("reason", "符合"))
                .when().post("/api/v1/reviews/" + caseId + "/approve").then().statusCode(403);
        given().auth().oauth2(chairToken).when().get("/api/v1/reviews/" + caseId).then().statusCode(200)
                .body("panel.mean", equalTo(7.0f)).body("panel.recused.reviewer", contains(conflicted))
                .body("priority.basis", equalTo("PANEL_SCORES")).body("priority.score", equalTo(70.0f));
        given().auth().oauth2(chairToken).contentType(ContentType.JSON).body(Map.of("reason", "符合第五条、第六条"))
                .when().post("/api/v1/reviews/" + caseId + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                .when().get("/api/v1/applications/" + application).then().body("status", equalTo("APPROVED")));

        given().auth().oauth2(leadUnit).when().get("/api/v1/reviews/" + caseId).then().statusCode(200)
                .body("panel.mean", equalTo(7.0f)).body("panel.members.scores", everyItem(nullValue()));
        byte[] csv = given().auth().oauth2(suite.token("auditor")).accept("text/csv")
                .queryParam("applicationId", application).when().get("/api/v1/reviews").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF案件编号,") && text.contains(caseId) && text.contains(",7.0,"), text);
    }
}
