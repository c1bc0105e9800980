package cn.org.kczg.teams.evaluation;

import static io.restassured.RestAssured.given;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/** Events as the other services would publish them, over the real topics. */
public final class Events {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Events() {
    }

    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    public static EventEnvelope envelope(EventPayload payload, Instant at) {
        return EventJson.envelope(payload, "test", "test", at);
    }

    /** Sends an envelope (again, to test redelivery) to the topic its producer would use. */
    public static void send(String topic, EventEnvelope envelope) {
        KafkaTestClient.produce(topic, envelope.aggregateId(), EventJson.write(envelope));
    }

    public static EventEnvelope activity(EventPayload payload) {
        return activity(payload, Instant.now());
    }

    public static EventEnvelope activity(EventPayload payload, Instant at) {
        EventEnvelope envelope = envelope(payload, at);
        send(Topics.ACTIVITY, envelope);
        return envelope;
    }

    public static void leadUnit(String creditCode, String name) {
        send(Topics.REGISTRATION, envelope(new LeadUnitRegistered(creditCode, name, "NATIONAL_SOCIETY"), Instant.now()));
    }

    /** An active team as registration-service announces it; returns once evaluation-service knows it. */
    public static UUID team(String leadUnit, String name, Instant activatedAt) {
        UUID id = UUID.randomUUID();
        send(Topics.REGISTRATION, envelope(new TeamActivated(id, UUID.randomUUID(), name, leadUnit, "测试学会",
                "NATIONAL_SOCIETY", 2026, "测试", List.of("TECH_TRANSFER"), List.of("苏州市"), List.of(), List.of(),
                null, activatedAt), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/teams/" + id + "/metrics/2026")
                .statusCode() == 200);
        return id;
    }
}
