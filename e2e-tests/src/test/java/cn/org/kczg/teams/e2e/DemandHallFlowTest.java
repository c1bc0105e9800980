package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.MailServer;
import cn.org.kczg.teams.testkit.SseClient;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Art. 12 through the gateway: a partner pushes a demand, the operator assigns it to the best match, the
 * team's handler accepts and answers (with a file in the conversation), the partner closes it.
 */
class DemandHallFlowTest {
    static final String PROVINCIAL_CAST = "134400004000006063"; // 13: a people's organisation (机构编制), as CASTs are
    static final String PROTOCOL_NAME = "多中心临床验证方案.pdf";
    static final byte[] PROTOCOL = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** File names in UTF-8, as browsers send them (RestAssured's strict MIME default would send 临 as ?). */
    static final RestAssuredConfig UTF8_FILE_NAMES = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE));
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
        TeamApplicationFlowTest.start();
    }

    @Test
    void partnerPushesOperatorAssignsHandlerAnswersPartnerCloses() throws Exception {
        String leadUnit = suite.token("lead-unit", "--org", PROVINCIAL_CAST);
        TeamApplicationFlowTest.register(leadUnit, PROVINCIAL_CAST, "广东省科学技术协会", "PROVINCIAL_CAST");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”数字医疗大湾区科技服务团");
        TeamApplicationFlowTest.approveAndAwaitTeam(leadUnit, application);
        String teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application)
                .then().extract().path("teamId");

        String partner = suite.token("partner", "--partner", "kczg-demand-feeder");
        Map<String, Object> demand = Map.of("projectName", "医疗器械临床转化合作", "industryField", "数字医疗",
                "technicalProblems", "可穿戴监护设备的临床验证", "region", "杭州市",
                "demandSide", Map.of("name", "杭州某医疗科技有限公司"), "externalId", "XQ-E2E-1",
                "categories", List.of("RD_SUPPORT"), "keywords", List.of("医疗器械"));
        String ticket = given().auth().oauth2(partner).contentType(ContentType.JSON).body(demand)
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(demand)
                .when().post("/api/v1/tickets").then().statusCode(200).body("id", equalTo(ticket));

        // the lead unit was told of the decision
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                .queryParam("kind", "application.decided").when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.link", hasItem("/applications/" + application)));
        // the handler wants assignments by e-mail too, and watches the live stream (through the gateway)
        String handler = suite.token("handler", "--teams", teamId, "--sub", "handler-zhoumin");
        given().auth().oauth2(handler).contentType(ContentType.JSON).body(Map.of("email", "zhoumin@example.org.cn",
                        "channels", Map.of("ticket.assigned", "EMAIL")))
                .when().put("/api/v1/notifications/preferences").then().statusCode(200);
        try (SseClient notices = new SseClient(suite.gatewayUrl + "/api/v1/notifications/stream",
                Map.of("Authorization", "Bearer " + handler))) {
            assertEquals(200, notices.status);
            String operator = suite.token("operator");
            // other flows' teams may match as well (one as well as this one: the same profile): this team is ranked
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(operator)
                    .when().get("/api/v1/tickets/" + ticket + "/matches").then().statusCode(200)
                    .extract().<List<String>>path("items.teamId").contains(teamId));
            // issue 22: every match explains itself — categories, place, text and outcomes, and the words found
            JsonPath matches = given().auth().oauth2(operator).when().get("/api/v1/tickets/" + ticket + "/matches")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Object> ours = matches.getMap("items.find { it.teamId == '" + teamId + "' }");
            assertEquals(List.of("categories", "place", "text", "outcomes"),
                    List.copyOf(((Map<?, ?>) ours.get("parts")).keySet()));
            assertTrue(ours.get("matchedWords") instanceof List<?>, "matchedWords: " + ours);
            given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("teamId", teamId, "reason", "最佳匹配"))
                    .when().post("/api/v1/tickets/" + ticket + "/assign").then().statusCode(200)
                    .body("status", equalTo("ASSIGNED"));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> notices.frames.stream().anyMatch(f ->
                    "ticket.assigned".equals(f.event()) && f.data().contains("/tickets/" + ticket)
                            && f.data().contains("新需求工单已指派给本团队")));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> MailServer.receivedBy("zhoumin@example.org.cn")
                .stream().anyMatch(m -> m.subject().equals("【科创中国】新需求工单已指派给本团队")
                        && m.text().contains("/tickets/" + ticket)));
        given().auth().oauth2(handler).when().post("/api/v1/tickets/" + ticket + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(handler).contentType(ContentType.JSON)
                .body(Map.of("text", "可依托附属医院开展多中心临床验证", "links", List.of("https://kczg.org.cn/")))
                .when().post("/api/v1/tickets/" + ticket + "/answer").then().statusCode(200);
        // the conversation: the handler asks, notes something for the team only; the partner sees the question
        given().auth().oauth2(handler).contentType(ContentType.JSON).body(Map.of("text", "请提供监护设备的型号"))
                .when().post("/api/v1/tickets/" + ticket + "/messages").then().statusCode(201);
        given().auth().oauth2(handler).contentType(ContentType.JSON).body(Map.of("text", "内部备注", "internal", true))
                .when().post("/api/v1/tickets/" + ticket + "/messages").then().statusCode(201);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("text", "型号为 XH-200"))
                .when().post("/api/v1/tickets/" + ticket + "/messages").then().statusCode(201);
        given().auth().oauth2(partner).when().get("/api/v1/tickets/" + ticket + "/messages").then().statusCode(200)
                .body("items.text", contains("请提供监护设备的型号", "型号为 XH-200"));
        // a file goes with a message: the handler uploads it, sends it; the partner reads it back, name and bytes
        String attachment = given().config(UTF8_FILE_NAMES).auth().oauth2(handler)
                .contentType("multipart/form-data; charset=UTF-8")
                .multiPart("file", PROTOCOL_NAME, PROTOCOL, "application/pdf")
                .when().post("/api/v1/tickets/" + ticket + "/attachments").then().statusCode(201)
                .body("fileName", equalTo(PROTOCOL_NAME)).body("contentType", equalTo("application/pdf"))
                .extract().path("id");
        given().auth().oauth2(handler).contentType(ContentType.JSON)
                .body(Map.of("text", "临床验证方案见附件", "attachments", List.of(attachment)))
                .when().post("/api/v1/tickets/" + ticket + "/messages").then().statusCode(201)
                .body("attachments[0].id", equalTo(attachment));
        var file = given().auth().oauth2(partner).when()
                .get("/api/v1/tickets/" + ticket + "/attachments/" + attachment);
        assertEquals(200, file.statusCode());
        assertArrayEquals(PROTOCOL, file.asByteArray());
        assertEquals("attachment; filename*=UTF-8''" + URLEncoder.encode(PROTOCOL_NAME, StandardCharsets.UTF_8),
                file.header("Content-Disposition"));
        assertEquals("nosniff", file.header("X-Content-Type-Options"));
        given().auth().oauth2(handler).when().post("/api/v1/tickets/" + ticket + "/resolve").then().statusCode(200);
        // the demand side rates the service (Art. 18, 实施效果), then closes the ticket
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("score", 5, "comment", "响应及时"))
                .when().post("/api/v1/tickets/" + ticket + "/rating").then().statusCode(200)
                .body("rating.score", equalTo(5));
        given().auth().oauth2(partner).when().post("/api/v1/tickets/" + ticket + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("history.action", hasItems("ticket.created", "ticket.assigned", "ticket.accepted",
                        "ticket.answered", "ticket.resolved", "ticket.rated", "ticket.closed"));
        // a demand nobody accepted yet may be taken back
        String second = push(partner, "XQ-E2E-WITHDRAW");
        given().auth().oauth2(partner).when().post("/api/v1/tickets/" + second + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        // the operator takes the team's tickets away as a spreadsheet (CSV here; XLSX the same way)
        String csv = new String(given().auth().oauth2(suite.token("operator")).accept("text/csv")
                .queryParam("teamId", teamId).when().get("/api/v1/tickets").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF工单编号,") && csv.contains("医疗器械临床转化合作") && csv.contains("CLOSED"), csv);
    }

    @Test
    void aPartnerWalksItsTicketsByCursorWhileNewOnesArrive() {
        String partner = suite.token("partner", "--partner", "kczg-cursor-feeder");
        List<String> pushed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pushed.add(push(partner, "XQ-E2E-CURSOR-" + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(partner).queryParam("size", 2);
            JsonPath page = (cursor == null ? request : request.queryParam("cursor", cursor)).when()
                    .get("/api/v1/tickets").then().statusCode(200).body("totalExact", equalTo(true))
                    .extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("next");
            if (seen.size() == 2) { // newest first: a new ticket lands before the walk, which carries on unshifted
                push(partner, "XQ-E2E-CURSOR-LATE");
            }
        } while (cursor != null);
        Collections.reverse(pushed);
        assertEquals(pushed, seen);
        given().auth().oauth2(partner).queryParam("cursor", "not-a-cursor").when().get("/api/v1/tickets").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theOperatorReadsTicketStatisticsThroughTheGateway() {
        long run = System.nanoTime();
        String region = "统计市" + run;
        String partner = suite.token("partner", "--partner", "kczg-stats-feeder");
        for (String externalId : List.of("XQ-STATS-1-" + run, "XQ-STATS-2-" + run)) {
            Map<String, Object> demand = Map.of("projectName", "统计需求", "industryField", "智能制造",
                    "technicalProblems", "产线数据采集", "region", region, "demandSide", Map.of("name", "某制造企业"),
                    "externalId", externalId, "categories", List.of("TECH_TRANSFER"));
            given().auth().oauth2(partner).contentType(ContentType.JSON).body(demand).when().post("/api/v1/tickets")
                    .then().statusCode(201);
        }
        JsonPath stats = given().auth().oauth2(suite.token("operator")).queryParam("region", region)
                .when().get("/api/v1/statistics/tickets").then().statusCode(200).extract().jsonPath();
        assertEquals(2, stats.getInt("total"));
        assertEquals(2, stats.getInt("byStatus.find { it.key == 'NEW' }.count"));
        assertEquals("新建", stats.getString("byStatus.find { it.key == 'NEW' }.label"));
        assertEquals(2, stats.getInt("byCategory.find { it.key == 'TECH_TRANSFER' }.count"));
        given().auth().oauth2(suite.token("auditor")).queryParam("region", region).when()
                .get("/api/v1/statistics/teams").then().statusCode(200);
        given().auth().oauth2(partner).when().get("/api/v1/statistics/tickets").then().statusCode(403);
        given().auth().oauth2(suite.token("operator")).queryParam("year", "twenty").when()
                .get("/api/v1/statistics/activities").then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    private static String push(String partner, String externalId) {
        Map<String, Object> demand = Map.of("projectName", "工业视觉检测需求 " + externalId, "industryField", "智能制造",
                "technicalProblems", "微小缺陷的在线识别", "region", "苏州市",
                "demandSide", Map.of("name", "苏州某精密制造有限公司"), "externalId", externalId,
                "categories", List.of("TECH_TRANSFER"), "keywords", List.of("机器视觉"));
        return given().auth().oauth2(partner).contentType(ContentType.JSON).body(demand).when()
                .post("/api/v1/tickets").then().statusCode(201).extract().path("id");
    }
}
