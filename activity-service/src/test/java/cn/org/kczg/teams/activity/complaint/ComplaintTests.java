package cn.org.kczg.teams.activity.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplaintTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000L);
    private static final String OPERATOR = TestTokens.token("operator");

    private static String address() {
        long n = SEQ.incrementAndGet();
        return "198.51." + (n / 250 % 250) + "." + (n % 250);
    }

    private static UUID team(String leadUnit, String probeAddress) {
        UUID id = UUID.randomUUID();
        var event = new TeamActivated(id, UUID.randomUUID(), "“科创中国”投诉测试" + id + "科技服务团", leadUnit, "单位",
                "NATIONAL_SOCIETY", 2026, "测试", List.of(), List.of("苏州市"), List.of(), List.of(), null, Instant.now());
        var envelope = EventJson.envelope(event, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().header("X-Forwarded-For", probeAddress)
                .contentType(ContentType.JSON).body(Map.of("teamId", id.toString(), "kind", "OTHER", "text", "探测"))
                .when().post("/api/v1/public/complaints").statusCode() == 201);
        return id;
    }

    @Test
    void anyoneMayComplainAndTheOperatorTriages() {
        String unit = "LU" + SEQ.incrementAndGet();
        UUID teamId = team(unit, address());
        String id = given().header("X-Forwarded-For", address()).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId.toString(), "kind", "FEE_CHARGED", "text", "以服务团名义收取咨询费2000元",
                        "contact", "13912345678"))
                .when().post("/api/v1/public/complaints").then().statusCode(201)
                .body("status", equalTo("RECEIVED")).body("contact", nullValue()).extract().response().path("id");
        given().auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/complaints/" + id).then().statusCode(200);

        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("text", equalTo("以服务团名义收取咨询费2000元")).body("contact", nullValue());
        given().auth().oauth2(TestTokens.leadUnit("LU-other")).when().get("/api/v1/complaints/" + id).then().statusCode(404);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("contact", equalTo("13912345678"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "reason", "经核实"))
                .when().post("/api/v1/complaints/" + id + "/outcome").then().statusCode(200).body("status", equalTo("UPHELD"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("outcome", "DISMISSED", "reason", "改"))
                .when().post("/api/v1/complaints/" + id + "/outcome").then().statusCode(409);
        var records = KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> r.value().contains("complaint.upheld") && r.value().contains(id)));
        assertFalse(records.stream().anyMatch(r -> r.value().contains("13912345678")),
                "the complainant's contact never leaves the service");
    }

    @Test
    void theAddressIsKeptAsItsHmacUnderThePepperNeverItsBareSha256() throws Exception {
        UUID teamId = team("LU" + SEQ.incrementAndGet(), address());
        String client = address();
        String id = given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId.toString(), "kind", "OTHER", "text", "地址只以带密钥的散列保存"))
                .when().post("/api/v1/public/complaints").then().statusCode(201).extract().path("id");
        String kept = QuarkusTransaction.requiringNew().call(
                () -> Complaint.<Complaint>findById(UUID.fromString(id)).clientHash);
        String pepper = ConfigProvider.getConfig().getValue("kczg.personal-data.pepper", String.class);
        assertEquals(ClientAddressHashTest.hmac(pepper, client), kept);
        assertNotEquals(ClientAddressHashTest.sha256(client), kept);
    }

    @Test
    void badComplaintsNameTheFieldAndUnknownTeamsAre404() {
        given().contentType(ContentType.JSON).body(Map.of("teamId", UUID.randomUUID().toString(), "kind", "OTHER",
                "text", "x")).when().post("/api/v1/public/complaints").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("teamId", UUID.randomUUID().toString(), "kind", "GOSSIP",
                "text", "x")).when().post("/api/v1/public/complaints").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body(Map.of("teamId", UUID.randomUUID().toString(), "kind", "OTHER",
                "text", "长".repeat(5001))).when().post("/api/v1/public/complaints").then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
    }

    @Test
    void oneAddressMayFileFivePerWindowThen429WithRetryAfter() {
        UUID teamId = team("LU" + SEQ.incrementAndGet(), address());
        String client = address();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                    .body(Map.of("teamId", teamId.toString(), "kind", "SERVICE_QUALITY", "text", "第" + i + "次"))
                    .when().post("/api/v1/public/complaints").then().statusCode(201);
        }
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId.toString(), "kind", "SERVICE_QUALITY", "text", "第6次"))
                .when().post("/api/v1/public/complaints").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        given().header("X-Forwarded-For", address()).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId.toString(), "kind", "SERVICE_QUALITY", "text", "另一个地址"))
                .when().post("/api/v1/public/complaints").then().statusCode(201);
    }

    @Test
    void theComplainantFollowsByReceiptAndTheTeamAnswersOnceBeforeTheDecision() {
        String unit = "LU" + SEQ.incrementAndGet();
        UUID teamId = team(unit, address());
        var filed = given().header("X-Forwarded-For", address()).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId.toString(), "kind", "SERVICE_QUALITY", "text", "答复敷衍，未解决问题",
                        "contact", "13912345678"))
                .when().post("/api/v1/public/complaints").then().statusCode(201)
                .body("receipt", matchesPattern("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"))
                .extract().jsonPath();
        String id = filed.getString("id");
        String receipt = filed.getString("receipt");
        given().when().get("/api/v1/public/complaints/" + receipt).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("kind", equalTo("SERVICE_QUALITY"))
                .body("teamName", containsString("投诉测试")).body("teamResponded", equalTo(false))
                .body("text", nullValue()).body("contact", nullValue()).body("id", nullValue());
        // typed by hand: lower case, no dashes
        given().when().get("/api/v1/public/complaints/" + receipt.toLowerCase().replace("-", "")).then()
                .statusCode(200).body("receipt", equalTo(receipt));
        for (String unknown : List.of("0000-0000-0000", "not-a-receipt", "x".repeat(300))) {
            given().when().get("/api/v1/public/complaints/" + unknown).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", equalTo("没有与该回执码对应的投诉。"));
        }

        // someone of the team who is not its handler sees the complaint but does not answer it; another unit: 404
        given().auth().oauth2(TestTokens.handler("colleague", teamId.toString())).contentType(ContentType.JSON)
                .body(Map.of("text", "不是我们")).when().post("/api/v1/complaints/" + id + "/response").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.leadUnit("LU-other")).contentType(ContentType.JSON)
                .body(Map.of("text", "不是我们")).when().post("/api/v1/complaints/" + id + "/response").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("text", " "))
                .when().post("/api/v1/complaints/" + id + "/response").then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("text", "已与企业沟通，重新安排专家上门")).when().post("/api/v1/complaints/" + id + "/response")
                .then().statusCode(200).body("response", equalTo("已与企业沟通，重新安排专家上门"))
                .body("respondedAt", notNullValue());
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("text", "补充"))
                .when().post("/api/v1/complaints/" + id + "/response").then().statusCode(409)
                .body("code", equalTo("already-responded"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("response", equalTo("已与企业沟通，重新安排专家上门"));
        given().when().get("/api/v1/public/complaints/" + receipt).then().statusCode(200)
                .body("teamResponded", equalTo(true)).body("response", nullValue());

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("outcome", "DISMISSED", "reason", "服务团已整改")).when()
                .post("/api/v1/complaints/" + id + "/outcome").then().statusCode(200);
        given().when().get("/api/v1/public/complaints/" + receipt).then().statusCode(200)
                .body("status", equalTo("DISMISSED")).body("outcomeReason", equalTo("服务团已整改"))
                .body("decidedAt", notNullValue()).body("decidedBy", nullValue());
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("status", equalTo("DISMISSED")).body("outcomeReason", equalTo("服务团已整改"));
        var records = KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> r.value().contains("complaint.responded") && r.value().contains(id)));
        assertFalse(records.stream()
                .anyMatch(r -> r.value().contains("重新安排专家上门") || r.value().contains(receipt)),
                "neither the team's answer nor the receipt leaves the service");
    }

    @Test
    void aDecidedComplaintTakesNoAnswer() {
        String unit = "LU" + SEQ.incrementAndGet();
        UUID teamId = team(unit, address());
        String id = given().header("X-Forwarded-For", address()).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId.toString(), "kind", "OTHER", "text", "其他问题")).when()
                .post("/api/v1/public/complaints").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("outcome", "UPHELD", "reason", "属实"))
                .when().post("/api/v1/complaints/" + id + "/outcome").then().statusCode(200);
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("text", "迟到的答复"))
                .when().post("/api/v1/complaints/" + id + "/response").then().statusCode(409)
                .body("code", equalTo("already-decided"));
    }

    @Test
    void theOperatorExportsTheComplainantsContactAndTheAuditorOnlyItsMask() {
        String unit = "LU" + SEQ.incrementAndGet();
        UUID teamId = team(unit, address());
        given().header("X-Forwarded-For", address()).contentType(ContentType.JSON)
                .body(Map.of("teamId", teamId.toString(), "kind", "FEE_CHARGED", "text", "=1+1 收取咨询费",
                        "contact", "13912345678"))
                .when().post("/api/v1/public/complaints").then().statusCode(201);
        String csv = new String(given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("teamId", teamId.toString())
                .when().get("/api/v1/complaints").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\uFEFF投诉编号,团队编号"), lines.get(0));
        assertTrue(csv.contains(",'=1+1 收取咨询费,"), "a formula is defused: " + csv);
        assertTrue(csv.contains(",13912345678,"), "the operator follows complaints up: " + csv);
        String audited = new String(given().auth().oauth2(TestTokens.token("auditor")).accept("text/csv")
                .queryParam("teamId", teamId.toString()).when().get("/api/v1/complaints").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(audited.contains(",139****5678,"), "the auditor sees that a contact was given: " + audited);
        assertFalse(audited.contains("13912345678"), "… not which: " + audited);
    }
}
