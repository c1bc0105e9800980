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

/** Issue 24 through the gateway: contacts sealed in the launched database, SM2 tokens from `./kczg token --sm2`. */
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
