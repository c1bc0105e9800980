package cn.org.kczg.teams.activity.ticket;

import static io.restassured.RestAssured.given;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.Handler;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/** Test data for the demand hall, through the real topic and the API. */
public final class DemandHall {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private DemandHall() {
    }

    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    public static void publish(EventPayload payload) {
        var envelope = EventJson.envelope(payload, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
    }

    /** An active team as registration-service would announce it; returns its id once activity-service knows it. */
    public static UUID team(String leadUnit, String handlerUserId, List<String> categories, String pilotCity,
            List<String> keyFields, String serviceContent) {
        UUID id = UUID.randomUUID();
        publish(new TeamActivated(id, UUID.randomUUID(), "“科创中国”" + serviceContent + id.toString().substring(0, 4)
                + "科技服务团", leadUnit, "单位", "NATIONAL_SOCIETY", 2026, serviceContent, categories,
                List.of(pilotCity), List.of(), keyFields, new Handler("赵强", handlerUserId,
                        List.of()), Instant.now()));
        return id;
    }

    public static Map<String, Object> ticket(String externalId, String industryField, String region,
            List<String> categories, List<String> keywords) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectName", "高端装备数字化改造需求" + externalId);
        body.put("industryField", industryField);
        body.put("background", "企业现有产线自动化程度低");
        body.put("technicalProblems", "多品种小批量柔性装配");
        body.put("expectedTargets", "装配效率提升30%");
        body.put("region", region);
        body.put("demandSide", Map.of("name", "苏州某精密机械有限公司", "creditCode", "91320500MA1XXXXX0X"));
        body.put("contact", Map.of("name", "孙经理", "phone", "0512-66668888", "email", "sun@example.cn"));
        body.put("externalId", externalId);
        body.put("categories", categories);
        body.put("keywords", keywords);
        return body;
    }

    public static String push(String partner, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("id");
    }

    /** Waits until the team is known to matching (it arrives over Kafka). */
    public static void awaitMatchable(String ticketId, UUID teamId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/tickets/" + ticketId + "/matches")
                .then().statusCode(200).extract().<List<String>>path("items.teamId").contains(teamId.toString()));
    }

    public static Map<String, Object> assign(UUID teamId, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", teamId.toString());
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }
}
