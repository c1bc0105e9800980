package cn.org.kczg.teams.registration.team;

import static cn.org.kczg.teams.registration.Fixtures.registerLeadUnit;
import static cn.org.kczg.teams.registration.Fixtures.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.evaluation.TeamDisqualified;
import cn.org.kczg.teams.events.evaluation.TeamStableSupport;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamResourceTests {
    private static final String OPERATOR = TestTokens.token("operator");

    private static void status(String teamId, String action, Map<String, Object> body, int expected) {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/teams/" + teamId + "/" + action).then().statusCode(expected);
    }

    @Test
    void activationEmitsTeamActivatedWithTheHandler() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String teamId = Fixtures.activeTeam(unit, uniqueName("航空航天"));
        var records = KafkaTestClient.readUntil(Topics.REGISTRATION, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> teamId.equals(r.key())));
        EventEnvelope event = EventJson.read(records.stream().filter(r -> teamId.equals(r.key())).findFirst()
                .orElseThrow().value());
        assertEquals("team.activated", event.type());
        String applicationId = given().auth().oauth2(OPERATOR).when().get("/api/v1/teams/" + teamId).then()
                .extract().path("applicationId");
        assertEquals(Fixtures.correlationOfDecision(applicationId), event.correlationId(),
                "the event caused by the review decision continues the decision's chain");
        assertEquals(unit, event.payload().get("leadUnitCreditCode").asText());
        assertEquals("handler-zhaoqiang", event.payload().get("handler").get("userId").asText());
        assertEquals("TECH_DISSEMINATION", event.payload().get("categories").get(0).asText());
        assertEquals("产线诊断与数字化改造咨询", event.payload().get("distinctiveServices").asText());
        assertEquals("十年产学研合作经验", event.payload().get("experience").asText());
        assertEquals(List.of("机械工程", "自动化"), List.of(event.payload().get("memberFields").get(0).asText(),
                event.payload().get("memberFields").get(1).asText()));
    }

    @Test
    void everyLegalAndIllegalStatusChange() {
        String teamId = Fixtures.activeTeam(registerLeadUnit("NATIONAL_SOCIETY"), uniqueName("新能源汽车"));
        Map<String, Object> reason = Map.of("reason", "年度检查发现问题");
        status(teamId, "reinstate", reason, 409);          // ACTIVE → ACTIVE
        status(teamId, "suspend", Map.of(), 400);            // reason required
        status(teamId, "suspend", reason, 200);
        status(teamId, "suspend", reason, 409);            // SUSPENDED → SUSPENDED
        status(teamId, "reinstate", reason, 200);
        status(teamId, "revoke", Map.of("reason", ""), 400); // Art. 17: a reason is required
        status(teamId, "revoke", Map.of("reason", "违反第十六条非营利原则"), 200);
        status(teamId, "reinstate", reason, 409);          // REVOKED is final
        status(teamId, "suspend", reason, 409);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/teams/" + teamId)
                .then().body("status", equalTo("REVOKED")).body("statusReason", equalTo("违反第十六条非营利原则"));
        given().auth().oauth2(TestTokens.token("reviewer")).contentType(ContentType.JSON).body(reason)
                .when().post("/api/v1/teams/" + teamId + "/suspend").then().statusCode(403);
    }

    @Test
    void disqualificationFromTheEvaluationEndsTheTeamAndFreesItsName() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String name = uniqueName("数字经济");
        String teamId = Fixtures.activeTeam(unit, name);
        var event = EventJson.envelope(new TeamDisqualified(UUID.fromString(teamId), 2026, "年度考核结果为差",
                Instant.now()), "evaluation-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.EVALUATION, teamId, EventJson.write(event));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/teams/" + teamId).then().body("status", equalTo("DISQUALIFIED")));
        given().when().get("/api/v1/public/teams/" + teamId).then().statusCode(404);
        Fixtures.activeTeam(registerLeadUnit("NATIONAL_SOCIETY"), name);
    }

    @Test
    void anExcellentRatingMarksTheTeamForStableSupport() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String teamId = Fixtures.activeTeam(unit, uniqueName("生物育种"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/teams/" + teamId).then()
                .body("stableSupportYear", org.hamcrest.Matchers.nullValue());
        var event = EventJson.envelope(new TeamStableSupport(UUID.fromString(teamId), unit, 2026),
                "evaluation-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.EVALUATION, teamId, EventJson.write(event));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/teams/" + teamId).then().body("stableSupportYear", equalTo(2026))
                .body("status", equalTo("ACTIVE")));
    }

    @Test
    void theLeadUnitChangesHandlerAndMembersOfItsOwnTeamOnly() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String teamId = Fixtures.activeTeam(unit, uniqueName("绿色化工"));
        Map<String, Object> handler = Map.of("name", "钱芳", "phone", "13900139000", "email", "qf@example.org.cn",
                "userId", "handler-qianfang", "deputies", List.of("deputy-sunli"));
        Map<String, Object> tooManyDeputies = new java.util.HashMap<>(handler);
        tooManyDeputies.put("deputies", List.of("d1", "d2", "d3", "d4", "d5", "d6"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(tooManyDeputies)
                .when().put("/api/v1/teams/" + teamId + "/handler")
                .then().statusCode(400).body("errors[0].field", equalTo("deputies"));
        given().auth().oauth2(TestTokens.leadUnit(registerLeadUnit("NATIONAL_SOCIETY"))).contentType(ContentType.JSON)
                .body(handler).when().put("/api/v1/teams/" + teamId + "/handler").then().statusCode(404);
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(handler)
                .when().put("/api/v1/teams/" + teamId + "/handler")
                .then().statusCode(200).body("handler.userId", equalTo("handler-qianfang"))
                .body("handler.deputies", equalTo(List.of("deputy-sunli")));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("name", "孙磊", "field", "化工", "title", "教授",
                        "affiliation", "天津大学", "role", "MEMBER"))))
                .when().put("/api/v1/teams/" + teamId + "/members")
                .then().statusCode(400).body("errors[0].field", equalTo("members"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("name", "孙磊", "field", "化工", "title", "教授",
                        "affiliation", "天津大学", "role", "LEADER"))))
                .when().put("/api/v1/teams/" + teamId + "/members")
                .then().statusCode(200).body("members.size()", equalTo(1));
        var records = KafkaTestClient.readUntil(Topics.REGISTRATION, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> teamId.equals(r.key()) && r.value().contains("team.members-changed")));
        assertTrue(records.stream().filter(r -> teamId.equals(r.key()))
                .anyMatch(r -> r.value().contains("team.members-changed") && r.value().contains("\"memberFields\":[\"化工\"]")),
                "team.members-changed carries the members' fields");
        assertFalse(records.stream().filter(r -> teamId.equals(r.key()))
                .noneMatch(r -> r.value().contains("\"type\":\"team.handler-changed\"")
                        && r.value().contains("\"deputies\":[\"deputy-sunli\"]")));
        // the new handler sees the team through the teams claim
        given().auth().oauth2(TestTokens.handler("handler-qianfang", teamId)).when().get("/api/v1/teams/" + teamId)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.handler("someone-else", UUID.randomUUID().toString()))
                .when().get("/api/v1/teams/" + teamId).then().statusCode(404);
    }

    @Test
    void listsFilterAndThePublicViewLeaksNoContactData() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String name = uniqueName("康养");
        String teamId = Fixtures.activeTeam(unit, name);

        given().auth().oauth2(OPERATOR).queryParam("leadUnit", unit).queryParam("category", "INDUSTRY_CONSULTING")
                .queryParam("pilotCity", "苏州市").queryParam("status", "ACTIVE")
                .when().get("/api/v1/teams")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(teamId));
        given().auth().oauth2(OPERATOR).queryParam("leadUnit", unit).queryParam("pilotCity", "拉萨市")
                .when().get("/api/v1/teams").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/teams")
                .then().statusCode(200).body("items.id", hasItem(teamId));
        given().auth().oauth2(TestTokens.leadUnit(registerLeadUnit("OTHER"))).when().get("/api/v1/teams")
                .then().statusCode(200).body("items.id", not(hasItem(teamId)));
        given().auth().oauth2(TestTokens.partner("p1")).when().get("/api/v1/teams").then().statusCode(403);

        String listing = given().queryParam("q", name.substring(6, name.length() - 5))
                .when().get("/api/v1/public/teams")
                .then().statusCode(200).body("items[0].id", equalTo(teamId))
                .body("items[0].leadUnitName", equalTo("测试单位" + unit.substring(10)))
                .extract().asString();
        String single = given().when().get("/api/v1/public/teams/" + teamId).then().statusCode(200)
                .body("name", equalTo(name)).extract().asString();
        for (String body : List.of(listing, single)) {
            for (String secret : List.of("13800138000", "zhaoqiang", "@", "phone", "email", "userId", "handler")) {
                assertFalse(body.contains(secret), "public view shows " + secret + ": " + body);
            }
        }
    }

    @Test
    void staffExportTeamsAsCsvWithoutPersonalDetails() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String name = uniqueName("生物医药");
        String teamId = Fixtures.activeTeam(unit, name);
        String csv = new String(given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("leadUnit", unit)
                .when().get("/api/v1/teams").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\uFEFF团队编号,团队名称,牵头单位"), lines.get(0));
        assertTrue(lines.get(1).startsWith(teamId + "," + name + ","), lines.get(1));
        assertTrue(!csv.contains("handler-zhaoqiang") && !csv.contains("13800"), "no handler contact: " + csv);
        given().auth().oauth2(TestTokens.token("reviewer")).accept("text/csv").when().get("/api/v1/teams").then()
                .statusCode(403);
    }

    @Test
    void partnerUnitsChangeAfterActivationWithTheirCreditCodes() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String teamId = Fixtures.activeTeam(unit, uniqueName("协作单位"));
        String partnerCode = Fixtures.newCreditCode();
        String body = "{\"partnerUnits\": [{\"name\": \"苏州工业园区管委会\", \"duties\": \"对接园区企业需求\", "
                + "\"creditCode\": \"" + partnerCode.toLowerCase() + "\"}, {\"name\": \"某高校技术转移中心\", "
                + "\"duties\": \"成果对接\"}]}";
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/teams/" + teamId + "/partner-units").then().statusCode(200)
                .body("partnerUnits", hasSize(2))
                .body("partnerUnits[0].creditCode", equalTo(partnerCode))
                .body("partnerUnits[1].creditCode", nullValue());

        var records = KafkaTestClient.readUntil(Topics.REGISTRATION, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> teamId.equals(r.key())
                        && "team.partners-changed".equals(KafkaTestClient.headers(r).get("type"))));
        EventEnvelope event = records.stream().filter(r -> teamId.equals(r.key())
                && "team.partners-changed".equals(KafkaTestClient.headers(r).get("type")))
                .map(r -> EventJson.read(r.value())).findFirst().orElseThrow();
        assertEquals(partnerCode, event.payload().get("partners").get(0).get("creditCode").asText());
        assertEquals(unit, event.payload().get("leadUnitCreditCode").asText());

        String csv = new String(given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("leadUnit", unit)
                .when().get("/api/v1/teams").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains(partnerCode), csv);
    }

    @Test
    void badPartnerUnitsNameTheFieldAndOthersTeamsAreNotFound() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String teamId = Fixtures.activeTeam(unit, uniqueName("协作校验"));
        String code = Fixtures.newCreditCode();
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        String path = "/api/v1/teams/" + teamId + "/partner-units";
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body("{\"partnerUnits\": [{\"name\": \"甲\", \"creditCode\": \"" + wrong + "\"}]}")
                .when().put(path).then().statusCode(400).body("errors[0].field", equalTo("partnerUnits[0].creditCode"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body("{\"partnerUnits\": [{\"name\": \"甲\", \"creditCode\": \"" + code + "\"}, {\"name\": \"乙\", "
                        + "\"creditCode\": \"" + code.toLowerCase() + "\"}]}")
                .when().put(path).then().statusCode(400).body("errors[0].field", equalTo("partnerUnits[1].creditCode"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body("{\"partnerUnits\": [{\"duties\": \"无名\"}]}")
                .when().put(path).then().statusCode(400).body("errors[0].field", equalTo("partnerUnits[0].name"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body("{}")
                .when().put(path).then().statusCode(400).body("errors[0].field", equalTo("partnerUnits"));
        given().auth().oauth2(TestTokens.leadUnit(registerLeadUnit("NATIONAL_SOCIETY"))).contentType(ContentType.JSON)
                .body("{\"partnerUnits\": []}").when().put(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body("{\"partnerUnits\": []}")
                .when().put(path).then().statusCode(200).body("partnerUnits", hasSize(0));
    }
}
