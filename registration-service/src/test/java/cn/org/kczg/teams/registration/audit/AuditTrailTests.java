package cn.org.kczg.teams.registration.audit;

import static cn.org.kczg.teams.registration.Fixtures.registerLeadUnit;
import static cn.org.kczg.teams.registration.Fixtures.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTests {
    static final String TRAIL = "/api/v1/audit-trail/registration";
    static final String AUDITOR = TestTokens.token("auditor");

    @Test
    void auditorsReadTheTrailFilteredByRecordNewestFirst() {
        String teamId = Fixtures.activeTeam(registerLeadUnit("NATIONAL_SOCIETY"), uniqueName("审计"));
        given().auth().oauth2(TestTokens.token("operator")).contentType("application/json")
                .body("{\"reason\": \"核查材料期间暂停服务\"}").when().post("/api/v1/teams/" + teamId + "/suspend")
                .then().statusCode(200);

        given().auth().oauth2(AUDITOR).queryParam("aggregateId", teamId).when().get(TRAIL).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("team.suspended"))
                .body("items[0].role", equalTo("operator"))
                .body("items[0].reason", equalTo("核查材料期间暂停服务"))
                .body("items[0].aggregateType", equalTo("team"))
                .body("items[1].action", equalTo("team.activated"));
        given().auth().oauth2(AUDITOR).queryParam("aggregateId", teamId).queryParam("action", "team.suspended")
                .when().get(TRAIL).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aPeriodOfDaysInBeijingTimeSelectsEntries() {
        String teamId = Fixtures.activeTeam(registerLeadUnit("NATIONAL_SOCIETY"), uniqueName("审计期间"));
        // the service's clock may stand elsewhere in a test run: take the day from the entry itself
        Instant at = Instant.parse(given().auth().oauth2(AUDITOR).queryParam("aggregateId", teamId).when().get(TRAIL)
                .then().statusCode(200).extract().path("items[0].at"));
        LocalDate day = at.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        String today = day.toString();
        String tomorrow = day.plusDays(1).toString();
        given().auth().oauth2(AUDITOR).queryParam("aggregateId", teamId).queryParam("from", today)
                .queryParam("to", today).when().get(TRAIL).then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(AUDITOR).queryParam("aggregateId", teamId).queryParam("from", tomorrow)
                .when().get(TRAIL).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theTrailExportsAsCsvWithChineseHeaders() {
        String teamId = Fixtures.activeTeam(registerLeadUnit("NATIONAL_SOCIETY"), uniqueName("审计导出"));
        String csv = new String(given().auth().oauth2(AUDITOR).accept("text/csv").queryParam("aggregateId", teamId)
                .when().get(TRAIL).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\uFEFF序号,时间,操作人,角色,操作,对象类型,对象编号"), lines.get(0));
        assertTrue(lines.get(1).contains(",team.activated,team," + teamId + ","), lines.get(1));
    }

    @Test
    void onlyAuditorsAndOperatorsReadIt() {
        given().auth().oauth2(TestTokens.token("reviewer")).when().get(TRAIL).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("lead-unit")).accept("text/csv").when().get(TRAIL).then()
                .statusCode(403);
        given().when().get(TRAIL).then().statusCode(401);
    }

    @Test
    void badFiltersNameTheParameterAndAnotherServicesTrailIsNotHere() {
        given().auth().oauth2(AUDITOR).queryParam("from", "2026-13-01").when().get(TRAIL).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(AUDITOR).queryParam("from", "2026-05-02").queryParam("to", "2026-05-01")
                .when().get(TRAIL).then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(AUDITOR).queryParam("actor", "a\u0000b").when().get(TRAIL).then().statusCode(400)
                .body("errors[0].field", equalTo("actor"));
        given().auth().oauth2(AUDITOR).queryParam("aggregateId", "x".repeat(201)).when().get(TRAIL).then()
                .statusCode(400).body("errors[0].field", equalTo("aggregateId"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit-trail/review").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
