package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Art. 12, issue 21, through the gateway: the operator returns a team's upload with a comment, the team uploads a new
 * version (due by the same date), the operator accepts it, the lead unit is told of both and reads its completeness;
 * staff export completeness and certificates as files.
 */
class UploadReviewFlowTest {
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
        TeamApplicationFlowTest.start();
    }

    /** The last quarter that has ended in China, e.g. 2026-Q3 in November 2026. */
    private static String lastEndedQuarter() {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1);
        LocalDate inPrevious = day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).minusDays(1);
        return inPrevious.getYear() + "-Q" + ((inPrevious.getMonthValue() - 1) / 3 + 1);
    }

    @Test
    void aReturnedUploadIsFollowedByANewVersionThatIsAcceptedAndCounted() throws Exception {
        String operator = suite.token("operator");
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code);
        TeamApplicationFlowTest.register(leadUnit, code, "中国材料报送学会", "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit,
                "“科创中国”材料报送" + code.substring(12, 17) + "号科技服务团");
        TeamApplicationFlowTest.approveAndAwaitTeam(leadUnit, application);
        String teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application)
                .then().extract().path("teamId");

        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("period", "QUARTERLY", "dueDay", 15))
                .when().put("/api/v1/upload-schedules/PROGRESS").then().statusCode(200);
        String period = lastEndedQuarter();
        File pdf = Files.write(Files.createTempDirectory("e2e").resolve("季度进展.pdf"),
                "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).toFile();
        String first = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(leadUnit)
                .multiPart("teamId", teamId).multiPart("kind", "PROGRESS").multiPart("period", period)
                .multiPart("file", pdf, "application/pdf").when().post("/api/v1/uploads")
                .then().extract().<String>path("id"), id -> id != null);
        String dueDate = given().auth().oauth2(leadUnit).when().get("/api/v1/uploads/" + first).then().statusCode(200)
                .body("version", equalTo(1)).extract().path("dueDate");

        given().auth().oauth2(suite.token("auditor")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/uploads/" + first + "/accept").then().statusCode(403);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("comment", "请补充活动照片"))
                .when().post("/api/v1/uploads/" + first + "/return").then().statusCode(200)
                .body("reviewStatus", equalTo("RETURNED"));
        String second = given().auth().oauth2(leadUnit).multiPart("teamId", teamId).multiPart("kind", "PROGRESS")
                .multiPart("period", period).multiPart("file", pdf, "application/pdf").when().post("/api/v1/uploads")
                .then().statusCode(201).body("version", equalTo(2)).body("dueDate", equalTo(dueDate))
                .extract().path("id");
        pdf.delete();
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("comment", "材料齐全"))
                .when().post("/api/v1/uploads/" + first + "/accept").then().statusCode(409)
                .body("code", equalTo("upload-superseded"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("comment", "材料齐全"))
                .when().post("/api/v1/uploads/" + second + "/accept").then().statusCode(200)
                .body("reviewStatus", equalTo("ACCEPTED"));

        for (String kind : new String[] {"upload.returned", "upload.accepted"}) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                    .queryParam("kind", kind).when().get("/api/v1/notifications").then().statusCode(200)
                    .body("items.link", hasItem("/teams/" + teamId + "/uploads")));
        }

        Map<String, String> query = Map.of("kind", "PROGRESS", "period", period, "teamId", teamId);
        given().auth().oauth2(leadUnit).queryParams(query).when().get("/api/v1/uploads/completeness").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("ACCEPTED"))
                .body("items[0].version", equalTo(2)).body("totals.accepted", equalTo(1));
        given().auth().oauth2(suite.token("lead-unit", "--org", TestCreditCodes.fresh("5110"))).queryParams(query)
                .when().get("/api/v1/uploads/completeness").then().statusCode(200).body("total", equalTo(0));
        String csv = new String(given().auth().oauth2(operator).accept("text/csv").queryParams(query)
                .when().get("/api/v1/uploads/completeness").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF团队编号,团队名称") && csv.contains(",已通过,2,"), csv);
        String certificates = new String(given().auth().oauth2(suite.token("auditor")).accept("text/csv")
                .queryParam("teamId", teamId).when().get("/api/v1/certificates").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(certificates.startsWith("\uFEFF证书编号,证书类型,持有人"), certificates);
    }
}
