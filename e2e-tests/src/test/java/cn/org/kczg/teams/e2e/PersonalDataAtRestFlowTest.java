package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 through the gateway: contacts sealed in the launched database (a handler's inside the team's JSON, and
 * absent from its events), SM2 tokens from `./kczg token --sm2`.
 */
class PersonalDataAtRestFlowTest {
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
    }

    @Test
    void aLeadUnitsContactIsSealedInTheDatabaseAndServedInPlainToItsReaders() throws Exception {
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code);
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "中国密码学会", "category", "NATIONAL_SOCIETY",
                        "contact", Map.of("name", "周密", "phone", "010-62551234", "email", "zhoumi@cacr.example")))
                .when().post("/api/v1/lead-units").then().statusCode(201);
        try (Connection db = DriverManager.getConnection(suite.postgresUrl());
                PreparedStatement sql = db.prepareStatement(
                        "select contact_phone, contact_email from registration.lead_unit where credit_code = ?")) {
            sql.setString(1, code);
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next());
                for (String column : new String[] {"contact_phone", "contact_email"}) {
                    String stored = row.getString(column);
                    assertTrue(stored.startsWith("v1:"), column + " is sealed");
                    assertFalse(stored.contains("62551234") || stored.contains("zhoumi"), column);
                }
            }
        }
        given().auth().oauth2(leadUnit).when().get("/api/v1/lead-units/" + code).then().statusCode(200)
                .body("contact.phone", equalTo("010-62551234")).body("contact.email", equalTo("zhoumi@cacr.example"));
    }

    @Test
    void aHandlersPhoneAndEmailAreSealedInsideTheTeamsJsonAndLeftOutOfItsEvents() throws Exception {
        TeamApplicationFlowTest.start();
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code);
        TeamApplicationFlowTest.register(leadUnit, code, "中国封存测试学会", "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit,
                "“科创中国”封存" + code.substring(12, 17) + "号科技服务团");
        TeamApplicationFlowTest.approveAndAwaitTeam(leadUnit, application);
        String teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application)
                .then().extract().path("teamId");
        try (Connection db = DriverManager.getConnection(suite.postgresUrl());
                PreparedStatement sql = db.prepareStatement("select t.handler->>'phone', t.handler->>'email', "
                        + "t.handler->>'userId', a.content->'handler'->>'phone', "
                        + "(select string_agg(o.envelope, ' ') from registration.outbox_event o "
                        + "where o.aggregate_id = cast(t.id as text)) from registration.team t "
                        + "join registration.team_application a on a.id = t.application_id where t.id = cast(? as uuid)")) {
            sql.setString(1, teamId);
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next());
                assertTrue(row.getString(1).startsWith("v1:") && row.getString(2).startsWith("v1:")
                        && row.getString(4).startsWith("v1:"), "the handler's phone and e-mail are sealed");
                assertTrue(row.getString(3).equals("handler-zhoumin"), "the rest of the JSON stays readable");
                String events = row.getString(5);
                assertTrue(events.contains("team.activated"), events);
                assertFalse(events.contains("13700137000") || events.contains("zm@zju.edu.cn"), events);
            }
        }
        given().auth().oauth2(leadUnit).when().get("/api/v1/teams/" + teamId).then().statusCode(200)
                .body("handler.phone", equalTo("13700137000")).body("handler.email", equalTo("zm@zju.edu.cn"));
    }

    @Test
    void anSm2TokenOfTheLauncherPassesTheGatewayAndTheServiceATamperedOneDoesNot() {
        String sm2 = suite.token("operator", "--sm2");
        given().auth().oauth2(sm2).when().get("/api/v1/lead-units").then().statusCode(200);
        String[] parts = sm2.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"dev-operator\"", "\"sub\":\"dev-intruder\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(tampered).when().get("/api/v1/lead-units").then().statusCode(401);
        given().auth().oauth2(suite.token("operator")).when().get("/api/v1/lead-units").then().statusCode(200);
    }
}
