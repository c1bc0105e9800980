package cn.org.kczg.teams.registration.audit;

import static cn.org.kczg.teams.registration.Fixtures.registerLeadUnit;
import static cn.org.kczg.teams.registration.Fixtures.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 24: staff reads of personal data are recorded, and the auditor lists them. */
@QuarkusTest
class PersonalDataAccessTests {
    static final String LIST = "/api/v1/audit/personal-data-access/registration";
    static final String AUDITOR = TestTokens.token("auditor");

    private static String operator(String subject) {
        return TestTokens.sign(TestTokens.builder("operator").subject(subject));
    }

    @Test
    void anOperatorReadingALeadUnitIsRecordedWithTheFieldsTheAnswerCarried() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String reader = "op-" + UUID.randomUUID();
        String requestId = "pda-" + UUID.randomUUID();
        given().auth().oauth2(operator(reader)).header("X-Request-Id", requestId)
                .when().get("/api/v1/lead-units/" + unit).then().statusCode(200);

        given().auth().oauth2(AUDITOR).queryParam("actor", reader).when().get(LIST).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].objectType", equalTo("lead-unit"))
                .body("items[0].objectId", equalTo(unit))
                .body("items[0].fields", equalTo(List.of("contact.email", "contact.name", "contact.phone")))
                .body("items[0].kinds", equalTo(List.of("NAME", "PHONE", "EMAIL")))
                .body("items[0].roles", equalTo(List.of("operator")))
                .body("items[0].area", equalTo("registration"))
                .body("items[0].requestId", equalTo(requestId));
        // the values read are never kept
        String body = given().auth().oauth2(AUDITOR).queryParam("actor", reader).when().get(LIST).then()
                .extract().asString();
        assertFalse(body.contains("010-68571234") || body.contains("王敏"), body);
    }

    @Test
    void aTeamsMembersAndHandlerReadByAReviewerAreRecordedPerTeamOfAPage() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String teamId = Fixtures.activeTeam(unit, uniqueName("访问记录"));
        String reader = "rv-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.sign(TestTokens.builder("reviewer").subject(reader)))
                .when().get("/api/v1/teams/" + teamId).then().statusCode(200);

        given().auth().oauth2(AUDITOR).queryParam("actor", reader).queryParam("objectId", teamId).when().get(LIST)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].objectType", equalTo("team"))
                .body("items[0].fields", hasItems("members.name", "members.affiliation", "handler.phone",
                        "handler.email", "handler.userId"))
                .body("items[0].kinds", hasItems("NAME", "AFFILIATION", "PHONE", "EMAIL", "ACCOUNT_ID"));
        given().auth().oauth2(AUDITOR).queryParam("actor", reader).queryParam("kind", "PHONE").when().get(LIST)
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(AUDITOR).queryParam("actor", reader).queryParam("kind", "SERVICE_RECORD").when()
                .get(LIST).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anOperatorChangingATeamsHandlerIsRecordedWithTheFieldsTheReplyCarried() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String teamId = Fixtures.activeTeam(unit, uniqueName("写后访问"));
        String writer = "op-" + UUID.randomUUID();
        Map<String, Object> handler = Map.of("name", "钱芳", "phone", "13900139000", "email", "qf@example.org.cn",
                "userId", "handler-qianfang", "deputies", List.of("deputy-sunli"));
        given().auth().oauth2(operator(writer)).contentType("application/json").body(handler)
                .when().put("/api/v1/teams/" + teamId + "/handler").then().statusCode(200);
        // the lead unit changing its own team's handler is not recorded, nor is a write that failed
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType("application/json").body(handler)
                .when().put("/api/v1/teams/" + teamId + "/handler").then().statusCode(200);
        given().auth().oauth2(operator(writer)).contentType("application/json").body(handler)
                .when().put("/api/v1/teams/" + UUID.randomUUID() + "/handler").then().statusCode(404);

        given().auth().oauth2(AUDITOR).queryParam("actor", writer).when().get(LIST).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].method", equalTo("PUT"))
                .body("items[0].objectType", equalTo("team"))
                .body("items[0].objectId", equalTo(teamId))
                .body("items[0].fields", hasItems("handler.name", "handler.phone", "handler.email", "handler.userId",
                        "members.name"));
        given().auth().oauth2(AUDITOR).queryParam("objectId", teamId).when().get(LIST).then().statusCode(200)
                .body("items.actor", everyItem(equalTo(writer)));
    }

    @Test
    void aLeadUnitReadingItselfIsNotRecordedNorAreReadsOfNothingPersonal() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/lead-units/" + unit).then()
                .statusCode(200);
        String reader = "op-" + UUID.randomUUID();
        given().auth().oauth2(operator(reader)).when().get("/api/v1/lead-units/" + "X".repeat(18)).then()
                .statusCode(404);

        given().auth().oauth2(AUDITOR).queryParam("objectId", unit).when().get(LIST).then().statusCode(200)
                .body("items.actor", everyItem(not(equalTo("test-lead-unit"))));
        given().auth().oauth2(AUDITOR).queryParam("actor", reader).when().get(LIST).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void theListExportsAsCsv() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String reader = "op-" + UUID.randomUUID();
        given().auth().oauth2(operator(reader)).when().get("/api/v1/lead-units/" + unit).then().statusCode(200);
        String csv = new String(given().auth().oauth2(AUDITOR).accept("text/csv").queryParam("actor", reader)
                .when().get(LIST).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\uFEFF序号,时间,读取人,角色,对象类型,对象编号,个人信息字段,种类"), lines.get(0));
        assertTrue(lines.get(1).contains(reader + ",operator,lead-unit," + unit + ","), lines.get(1));
    }

    @Test
    void onlyTheAuditorReadsItAndBadFiltersNameTheParameter() {
        given().auth().oauth2(TestTokens.token("operator")).when().get(LIST).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("reviewer")).accept("text/csv").when().get(LIST).then()
                .statusCode(403);
        given().when().get(LIST).then().statusCode(401);
        given().auth().oauth2(AUDITOR).queryParam("kind", "SHOE_SIZE").when().get(LIST).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("kind"));
        given().auth().oauth2(AUDITOR).queryParam("from", "2026-02-30").when().get(LIST).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/personal-data-access/review").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
