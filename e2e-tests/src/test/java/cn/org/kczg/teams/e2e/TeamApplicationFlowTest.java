package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.review.ReviewDecided;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Art. 3–7 through the gateway: the operator opens a window, a lead unit registers, drafts and submits,
 * the review approves, and the team appears in the public list.
 */
class TeamApplicationFlowTest {
    static final String UNIVERSITY = "12100000400000123X";

    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
    }

    @Test
    void fromWindowToPublicTeam() throws Exception {
        String operator = suite.token("operator");
        Instant now = Instant.now();
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("year", Year.now().getValue(), "opensAt", now.minusSeconds(60).toString(),
                        "closesAt", now.plus(Duration.ofDays(30)).toString(), "note", "年度申报"))
                .when().post("/api/v1/registration-windows").then().statusCode(201);

        String leadUnit = suite.token("lead-unit", "--org", UNIVERSITY);
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.of("creditCode", UNIVERSITY, "name", "浙江大学", "category", "UNIVERSITY_INSTITUTE_ENTERPRISE",
                        "contact", Map.of("name", "陈静", "phone", "0571-87951111", "email", "chen@zju.edu.cn")))
                .when().post("/api/v1/lead-units").then().statusCode(201);

        String id = given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.of("name", "\"科创中国\"数字医疗科技服务团", "categories", List.of("RD_SUPPORT")))
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON)
                .body(Map.ofEntries(
                        Map.entry("pilotCities", List.of("杭州市")),
                        Map.entry("keyFields", List.of("数字医疗")),
                        Map.entry("experience", "医工交叉平台十年"),
                        Map.entry("distinctiveServices", "医疗器械临床转化"),
                        Map.entry("organisingCapacity", "附属医院7家"),
                        Map.entry("workFoundation", "服务企业80家"),
                        Map.entry("resourcesCommitted", Map.of("text", "专项经费", "yearlyBudget", 300000, "staff", 4)),
                        Map.entry("continuityPlan", "季度例会"),
                        Map.entry("members", List.of(Map.of("name", "陈静", "field", "生物医学工程", "title", "教授",
                                "affiliation", "浙江大学", "role", "LEADER"))),
                        Map.entry("handler", Map.of("name", "周敏", "phone", "13700137000", "email", "zm@zju.edu.cn",
                                "userId", "handler-zhoumin"))))
                .when().patch("/api/v1/applications/" + id).then().statusCode(200);
        given().auth().oauth2(leadUnit).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));

        approve(id);

        String body = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .queryParam("q", "数字医疗").when().get("/api/v1/public/teams")
                .then().statusCode(200).extract().asString(), b -> b.contains("“科创中国”数字医疗科技服务团"));
        assertFalse(body.contains("13700137000") || body.contains("handler-zhoumin") || body.contains("@"),
                "the public list shows contact data: " + body);
        given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + id)
                .then().body("status", equalTo("APPROVED"));
    }

    /** review-service does not decide yet (its issue is open): publish the decision it will publish. */
    private static void approve(String applicationId) throws Exception {
        var decision = new ReviewDecided(UUID.randomUUID(), UUID.fromString(applicationId), UNIVERSITY,
                ReviewDecided.Decision.APPROVED, List.of("符合第五条"), "reviewer-e2e", Instant.now());
        var envelope = EventJson.envelope(decision, "review-service", "e2e", Instant.now());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REVIEW, envelope.aggregateId(), EventJson.write(envelope))).get();
        }
    }
}
