package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The foundation's thin slice, through the gateway only: registration → event → review. */
class LeadUnitToEligibilityFlowTest {
    // valid 统一社会信用代码 (GB 32100-2015 check characters)
    static final String SOCIETY = "51100000500000105C"; // 51: a social organisation (民政), as societies are
    static final String OTHER_ORG = "91110000100001234U";

    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
    }

    @Test
    void registeredLeadUnitShowsUpInEligibilityAndStaysPrivate() {
        String leadUnit = suite.token("lead-unit", "--org", SOCIETY);
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.of("creditCode", SOCIETY, "name", "中国机械工程学会", "category", "NATIONAL_SOCIETY",
                        "contact", Map.of("name", "李华", "phone", "010-68595000", "email", "lihua@cmes.org")))
                .when().post("/api/v1/lead-units")
                .then().statusCode(201).header("X-Request-Id", notNullValue());

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                .when().get("/api/v1/eligibility/" + SOCIETY)
                .then().statusCode(200)
                .body("name", equalTo("中国机械工程学会"))
                .body("eligible", equalTo(true))
                .body("quota.limit", equalTo(5))
                .body("quota.used", equalTo(0)));

        String stranger = suite.token("lead-unit", "--org", OTHER_ORG);
        given().auth().oauth2(stranger).when().get("/api/v1/eligibility/" + SOCIETY)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger).when().get("/api/v1/lead-units/" + SOCIETY)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(suite.token("operator")).when().get("/api/v1/lead-units/" + SOCIETY)
                .then().statusCode(200).body("contact.name", equalTo("李华"));
    }

    @Test
    void aLeadUnitCorrectsItsCategoryTheReviewFollowsAndAuditorsReadTheTrail() {
        String code = TestCreditCodes.fresh("5110");
        String token = suite.token("lead-unit", "--org", code);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "某省某学会", "category", "PROVINCIAL_SOCIETY",
                        "contact", Map.of("name", "李华", "phone", "010-68595000", "email", "lihua@example.org")))
                .when().post("/api/v1/lead-units").then().statusCode(201);
        given().auth().oauth2(token).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"name\": \"中国某某学会\", \"category\": \"NATIONAL_SOCIETY\"}")
                .when().patch("/api/v1/lead-units/" + code).then().statusCode(200)
                .body("category", equalTo("NATIONAL_SOCIETY"));
        // review-service hears of it: the national society's quota now applies
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/api/v1/eligibility/" + code).then().statusCode(200)
                .body("name", equalTo("中国某某学会")).body("category", equalTo("NATIONAL_SOCIETY")));
        given().auth().oauth2(suite.token("auditor")).queryParam("aggregateId", code)
                .queryParam("action", "lead-unit.updated").when().get("/api/v1/audit-trail/registration")
                .then().statusCode(200).body("items[0].reason", containsString("PROVINCIAL_SOCIETY → NATIONAL_SOCIETY"));
        String csv = given().auth().oauth2(suite.token("auditor")).accept("text/csv").queryParam("aggregateId", code)
                .when().get("/api/v1/audit-trail/registration").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFF序号,时间,操作人") && csv.contains("lead-unit.updated"),
                csv);
        given().auth().oauth2(token).when().get("/api/v1/audit-trail/registration").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void gatewayRejectsBadTokensAndServicesRejectMissingOnes() {
        given().auth().oauth2("not.a.token").when().get("/api/v1/lead-units")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/lead-units")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
