package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 through the gateway: an operator reads a lead unit and an application; the auditor (the data-protection
 * officer) finds both reads, with the personal fields they carried, in the merged personal-data access list, and
 * exports it as CSV.
 */
class PersonalDataAccessFlowTest {
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        TeamApplicationFlowTest.start();
        suite = TeamApplicationFlowTest.suite;
    }

    @Test
    void theAuditorFindsTheOperatorsReadsWithTheirFields() {
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code, "--sub", "pda-" + code);
        TeamApplicationFlowTest.register(leadUnit, code, "个人信息访问学会", "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draft(leadUnit, "“科创中国”个人信息访问" + code.substring(12)
                + "科技服务团");
        String reader = "pda-operator-" + UUID.randomUUID();
        String operator = suite.token("operator", "--sub", reader);
        given().auth().oauth2(operator).when().get("/api/v1/lead-units/" + code).then().statusCode(200);
        given().auth().oauth2(operator).when().get("/api/v1/applications/" + application).then().statusCode(200);
        // the lead unit reading its own data is not staff's access
        given().auth().oauth2(leadUnit).when().get("/api/v1/lead-units/" + code).then().statusCode(200);

        String auditor = suite.token("auditor", "--sub", "pda-auditor");
        given().auth().oauth2(auditor).queryParam("actor", reader).when()
                .get("/api/v1/audit/personal-data-access").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].objectType", equalTo("application"))
                .body("items[0].objectId", equalTo(application))
                .body("items[0].area", equalTo("registration"))
                .body("items[0].fields", hasItems("members.name", "handler.phone"))
                .body("items[1].objectType", equalTo("lead-unit"))
                .body("items[1].objectId", equalTo(code))
                .body("items[1].fields", equalTo(List.of("contact.email", "contact.name", "contact.phone")));
        given().auth().oauth2(auditor).queryParam("objectId", code).when()
                .get("/api/v1/audit/personal-data-access").then().statusCode(200)
                .body("items.actor", equalTo(List.of(reader)));

        String csv = new String(given().auth().oauth2(auditor).accept("text/csv").queryParam("actor", reader)
                .when().get("/api/v1/audit/personal-data-access").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(1).contains(",application," + application + ","), csv);
        assertTrue(lines.get(2).contains(",lead-unit," + code + ","), csv);
        assertFalse(csv.contains("0571-87951111") || csv.contains("陈静"), "the values read are never kept: " + csv);

        given().auth().oauth2(operator).when().get("/api/v1/audit/personal-data-access").then().statusCode(403);
    }

    @Test
    void anOperatorsChangeIsInTheGatewaysSecurityLog() {
        String reader = "pda-staff-" + UUID.randomUUID();
        String operator = suite.token("operator", "--sub", reader);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/registration-windows").then().statusCode(400);
        Awaitility.await().untilAsserted(() -> assertTrue(suite.securityLog().contains("\"sub\":\"" + reader + "\""),
                "the staff POST reaches the security log"));
        assertTrue(suite.verifySecurityLog().startsWith("OK "), "the chain verifies");
    }
}
