package cn.org.kczg.teams.review.review;

import static io.restassured.RestAssured.given;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.ApplicationSubmitted;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/** What registration-service publishes, for driving review-service through its real topic. */
final class ReviewEvents {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private ReviewEvents() {
    }

    static String newCreditCode() {
        return String.format("52%016d", SEQ.incrementAndGet());
    }

    static void publish(EventPayload payload) {
        var envelope = EventJson.envelope(payload, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
    }

    static ApplicationSubmitted submitted(UUID applicationId, String leadUnit, String category, Instant at) {
        return submitted(applicationId, leadUnit, category, at, 1, "短", null, null, List.of("智能制造"));
    }

    static ApplicationSubmitted submitted(UUID applicationId, String leadUnit, String category, Instant at,
            int submission, String foundation, BigDecimal budget, Integer staff, List<String> keyFields) {
        return new ApplicationSubmitted(applicationId, submission, 2026, leadUnit, "单位" + leadUnit.substring(12),
                category, "“科创中国”测试" + applicationId.toString().substring(0, 8) + "科技服务团",
                "测试", List.of("TECH_TRANSFER"), List.of("合肥市"), List.of(), keyFields, 3, 1, 0, true, foundation,
                new ApplicationSubmitted.Resources("经费", budget, staff), foundation, at);
    }

    static List<UUID> liveTeams(String leadUnit, int count) {
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            publish(new TeamActivated(id, UUID.randomUUID(), "“科创中国”既有" + i + "科技服务团", leadUnit,
                    "单位", "NATIONAL_SOCIETY", 2025, "既有", List.of(), List.of("合肥市"), List.of(), List.of(), null,
                    Instant.now()));
        }
        return ids;
    }

    /** The case of an application, once review-service has opened it. */
    static String awaitCase(UUID applicationId) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(TestTokens.token("reviewer")).queryParam("applicationId", applicationId.toString())
                .when().get("/api/v1/reviews").then().statusCode(200).extract().<String>path("items[0].id"),
                id -> id != null);
    }

    static void awaitUsed(String leadUnit, int used) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/eligibility/" + leadUnit)
                .then().statusCode(200).body("quota.used", org.hamcrest.Matchers.equalTo(used)));
    }
}
