package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Art. 10–16 through the gateway: a team reports an activity that charged a fee (flagged and upheld), a
 * volunteer's hours are confirmed and certified (verified publicly), the public complains, a library entry
 * is published and found, and a progress report is uploaded.
 */
class TeamWorkFlowTest {
    static final String CONSORTIUM = "91110000100001234U";
    static LaunchedSuite suite;
    static String leadUnit;
    static String teamId;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
        TeamApplicationFlowTest.start();
        leadUnit = suite.token("lead-unit", "--org", CONSORTIUM);
        TeamApplicationFlowTest.register(leadUnit, CONSORTIUM, "中关村某产业技术联盟", "CONSORTIUM_INSTITUTION");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”芯片设计科技服务团");
        TeamApplicationFlowTest.approveAndAwaitTeam(leadUnit, application);
        teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application)
                .then().extract().path("teamId");
    }

    @Test
    void activitiesFeesVolunteersComplaintsLibrariesAndUploads() throws Exception {
        String operator = suite.token("operator");
        Map<String, Object> report = Map.of("teamId", teamId, "category", "TECH_DISSEMINATION", "form", "CONFERENCE",
                "title", "芯片设计产业论坛", "startDate", "2026-11-20", "endDate", "2026-11-20",
                "place", Map.of("city", "杭州市"), "participants", 200, "enterprisesServed", 30,
                "feesCharged", Map.of("amount", 1500, "payer", "参会企业"));
        String activity = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(leadUnit)
                .contentType(ContentType.JSON).body(report).when().post("/api/v1/activities")
                .then().extract().<String>path("id"), id -> id != null);
        String violation = given().auth().oauth2(operator).queryParam("teamId", teamId)
                .when().get("/api/v1/fee-violations").then().statusCode(200).body("items[0].activityId", equalTo(activity))
                .extract().path("items[0].id");
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "reason", "收取会务费"))
                .when().post("/api/v1/fee-violations/" + violation + "/outcome").then().statusCode(200);

        String volunteer = suite.token("volunteer", "--sub", "vol-e2e");
        String participation = given().auth().oauth2(volunteer).contentType(ContentType.JSON)
                .body(Map.of("activityId", activity, "name", "周晓雨", "role", "论坛主持", "hours", 4))
                .when().post("/api/v1/participations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(leadUnit).when().post("/api/v1/participations/" + participation + "/confirm")
                .then().statusCode(200);
        var certificate = given().auth().oauth2(volunteer).contentType(ContentType.JSON)
                .body(Map.of("participationId", participation)).when().post("/api/v1/certificates/participation")
                .then().statusCode(200).extract();
        String code = certificate.path("code");
        given().when().get("/api/v1/public/certificates/" + code).then().statusCode(200)
                .body("holder", equalTo("周*雨")).body("status", equalTo("VALID"))
                .body("activity", equalTo("芯片设计产业论坛")).body("hours", equalTo(4.0f));
        // the printable certificate and the credential through the gateway, the key that verifies it without a token
        byte[] document = given().auth().oauth2(volunteer).when()
                .get("/api/v1/certificates/" + certificate.path("id") + ".pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF-", new String(document, 0, 5, StandardCharsets.US_ASCII));
        given().auth().oauth2(volunteer).when().get("/api/v1/certificates/" + certificate.path("id") + "/credential")
                .then().statusCode(200).contentType("application/vc+jwt");
        given().when().get("/api/v1/public/credentials/keys").then().statusCode(200).body("keys[0].alg", equalTo("ES256"));
        given().auth().oauth2(volunteer).when().get("/api/v1/volunteers/me/hours?from=2026-01-01&to=2026-12-31")
                .then().statusCode(200).body("totalHours", equalTo(4.0f));

        var filed = given().contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId, "kind", "FEE_CHARGED", "text", "论坛收取了会务费"))
                .when().post("/api/v1/public/complaints").then().statusCode(201).extract().jsonPath();
        String complaint = filed.getString("id");
        // the team answers once; the complainant follows by the receipt and reads the outcome
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON).body(Map.of("text", "会务费由承办酒店收取，已退还"))
                .when().post("/api/v1/complaints/" + complaint + "/response").then().statusCode(200);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "reason", "属实"))
                .when().post("/api/v1/complaints/" + complaint + "/outcome").then().statusCode(200);
        given().when().get("/api/v1/public/complaints/" + filed.getString("receipt")).then().statusCode(200)
                .body("status", equalTo("UPHELD")).body("outcomeReason", equalTo("属实"))
                .body("teamResponded", equalTo(true));

        String entry = given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId, "kind", "PROBLEM", "title", "国产EDA工具链的芯片验证难题",
                        "industryField", "集成电路", "region", "杭州市", "description", "验证周期长"))
                .when().post("/api/v1/library").then().statusCode(201).extract().path("id");
        given().auth().oauth2(leadUnit).when().post("/api/v1/library/" + entry + "/submit").then().statusCode(200);
        given().auth().oauth2(suite.token("reviewer")).when().post("/api/v1/library/" + entry + "/publish")
                .then().statusCode(200);
        given().auth().oauth2(suite.token("partner", "--partner", "p")).queryParam("q", "芯片")
                .when().get("/api/v1/library").then().statusCode(200).body("items.id", hasItem(entry));

        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("period", "QUARTERLY", "dueDay", 15))
                .when().put("/api/v1/upload-schedules/PROGRESS").then().statusCode(200);
        File pdf = Files.write(Files.createTempDirectory("e2e").resolve("第三季度进展.pdf"),
                "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).toFile();
        given().auth().oauth2(leadUnit).multiPart("teamId", teamId).multiPart("kind", "PROGRESS")
                .multiPart("period", "2026-Q3").multiPart("title", "第三季度工作进展").multiPart("file", pdf, "application/pdf")
                .when().post("/api/v1/uploads").then().statusCode(201).body("contentType", equalTo("application/pdf"));
        given().auth().oauth2(leadUnit).queryParam("teamId", teamId).when().get("/api/v1/uploads")
                .then().statusCode(200).body("items.period", hasItem("2026-Q3"));
        pdf.delete();
    }
}
