package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.testkit.TestCreditCodes;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 through the gateway: a partner registers a webhook on a receiver in this JVM (the launcher lets
 * activity-service call loopback over http) and is sent the signed event when the team answers its ticket.
 */
class WebhookFlowTest {
    record Received(String id, String timestamp, String signature, String body) {
    }

    static LaunchedSuite suite;
    static HttpServer receiver;
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        TeamApplicationFlowTest.start();
        suite = TeamApplicationFlowTest.suite;
        RestAssured.baseURI = suite.gatewayUrl;
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/kczg/webhooks", exchange -> {
            var headers = exchange.getRequestHeaders();
            RECEIVED.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aPartnerIsSentTheSignedAnswerOfItsTicket() throws Exception {
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code);
        TeamApplicationFlowTest.register(leadUnit, code, "中国回调通知学会", "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit,
                "“科创中国”回调通知" + code.substring(12, 17) + "号科技服务团");
        TeamApplicationFlowTest.approveAndAwaitTeam(leadUnit, application);
        String teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application)
                .then().extract().path("teamId");

        String partner = suite.token("partner", "--partner", "kczg-webhook-feeder-" + code.substring(12, 17));
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/kczg/webhooks";
        var created = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("ticket.answered")))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}=")).extract().jsonPath();
        String webhook = created.getString("id");
        String secret = created.getString("secret");
        given().auth().oauth2(partner).when().get("/api/v1/webhooks/" + webhook).then().statusCode(200)
                .body("url", equalTo(url)).body("secret", nullValue());

        Map<String, Object> demand = Map.of("projectName", "医用传感器回调联调", "industryField", "数字医疗",
                "technicalProblems", "可穿戴传感器的数据可靠性", "region", "杭州市",
                "demandSide", Map.of("name", "杭州某传感科技有限公司"), "externalId", "XQ-E2E-HOOK-" + code,
                "categories", List.of("RD_SUPPORT"), "keywords", List.of("医疗器械"));
        String ticket = given().auth().oauth2(partner).contentType(ContentType.JSON).body(demand)
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        String operator = suite.token("operator");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(operator)
                .when().get("/api/v1/tickets/" + ticket + "/matches").then().statusCode(200)
                .extract().<List<String>>path("items.teamId").contains(teamId));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("teamId", teamId, "reason", "匹配"))
                .when().post("/api/v1/tickets/" + ticket + "/assign").then().statusCode(200);
        String handler = suite.token("handler", "--teams", teamId, "--sub", "handler-zhoumin");
        given().auth().oauth2(handler).when().post("/api/v1/tickets/" + ticket + "/accept").then().statusCode(200);
        given().auth().oauth2(handler).contentType(ContentType.JSON).body(Map.of("text", "建议采用冗余采样方案"))
                .when().post("/api/v1/tickets/" + ticket + "/answer").then().statusCode(200);

        Received delivery = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVED.stream()
                .filter(r -> EventJson.read(r.body()).aggregateId().equals(ticket)).findFirst().orElse(null),
                r -> r != null);
        EventEnvelope event = EventJson.read(delivery.body());
        assertEquals("ticket.answered", event.type());
        assertEquals(event.eventId().toString(), delivery.id());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        assertEquals("v1," + Base64.getEncoder().encodeToString(mac.doFinal((delivery.id() + "."
                + delivery.timestamp() + "." + delivery.body()).getBytes(StandardCharsets.UTF_8))), delivery.signature());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(partner)
                .when().get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .body("items[0].eventId", equalTo(delivery.id())).body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].lastStatusCode", equalTo(204)));
    }
}
