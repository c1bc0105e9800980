package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.KafkaBroker;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Dead letters listed from the real dead-letter topics, and replayed to where they came from. */
@QuarkusTest
@TestProfile(EventStreamTests.WithBroker.class)
class DeadLetterTests {
    private static final String OPERATOR = TestTokens.token("operator");

    /** What SmallRye's dead-letter-queue strategy writes: the message and where and why it failed. */
    private static String deadLetter(String value, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>("review.events.dlq", "k-" + UUID.randomUUID(),
                value);
        record.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add("dead-letter-topic", "review.events".getBytes(StandardCharsets.UTF_8));
        record.headers().add("dead-letter-partition", "2".getBytes(StandardCharsets.UTF_8));
        record.headers().add("dead-letter-offset", "41".getBytes(StandardCharsets.UTF_8));
        KafkaTestClient.produce(KafkaBroker.start(), record);
        return value;
    }

    @Test
    void operatorsListADeadLetterWithItsReasonAndReplayItToItsTopicOnce() {
        String eventId = UUID.randomUUID().toString();
        String message = "{\"eventId\":\"" + eventId + "\",\"type\":\"review.decided\",\"payload\":{\"x\":\"审查\"}}";
        deadLetter(message, "unknown event type 'review.decided2'");

        String id = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(OPERATOR)
                .queryParam("topic", "review.events").queryParam("size", 100)
                .when().get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.findAll { it.eventId == '" + eventId + "' }.id").stream().findFirst()
                .orElse(null), notNullValue());
        given().auth().oauth2(OPERATOR).when().get("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("topic", equalTo("review.events")).body("partition", equalTo(2)).body("offset", equalTo(41))
                .body("type", equalTo("review.decided")).body("reason", equalTo("unknown event type 'review.decided2'"))
                .body("message", equalTo(message)).body("replayedAt", equalTo(null));

        given().auth().oauth2(OPERATOR).when().post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("id", equalTo(id)).body("replayedAt", notNullValue());
        var back = KafkaTestClient.readUntil("review.events", Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> message.equals(r.value())));
        var replayed = back.stream().filter(r -> message.equals(r.value())).toList();
        assertEquals(1, replayed.size(), "sent back once");
        assertEquals(id, KafkaTestClient.headers(replayed.get(0)).get("kczg-replayed-from"));

        given().auth().oauth2(OPERATOR).queryParam("replayed", "false").queryParam("size", 100)
                .when().get("/api/v1/dead-letters").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("replayedAt", notNullValue());
    }

    @Test
    void replayAllSendsBackEveryOneNotYetReplayed() {
        String first = deadLetter("not json " + UUID.randomUUID(), "not an event envelope");
        String second = deadLetter("not json " + UUID.randomUUID(), "not an event envelope");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OPERATOR)
                .queryParam("replayed", "false").queryParam("size", 100).when().get("/api/v1/dead-letters")
                .then().body("items.message", hasItem(first)).body("items.message", hasItem(second)));
        given().auth().oauth2(OPERATOR).queryParam("topic", "review.events").when().post("/api/v1/dead-letters/replay")
                .then().statusCode(200).body("replayed", greaterThanOrEqualTo(2));
        given().auth().oauth2(OPERATOR).queryParam("replayed", "false").when().get("/api/v1/dead-letters")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void onlyOperatorsAndOnlyRealIds() {
        given().when().get("/api/v1/dead-letters").then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of("auditor", "reviewer", "lead-unit", "partner")) {
            given().auth().oauth2(TestTokens.token(role)).when().get("/api/v1/dead-letters").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(TestTokens.token(role)).when().post("/api/v1/dead-letters/replay").then()
                    .statusCode(403);
        }
        for (String id : List.of("review.events.dlq:0:999999999", "other.topic:0:1", "x", "review.events.dlq:-1:0",
                "review.events.dlq:0:99999999999999999999", "%00")) {
            given().auth().oauth2(OPERATOR).when().post("/api/v1/dead-letters/" + id + "/replay").then()
                    .statusCode(404).contentType("application/problem+json");
        }
        for (Map.Entry<String, String> bad : Map.of("size", "1000", "page", "-1", "replayed", "maybe").entrySet()) {
            given().auth().oauth2(OPERATOR).queryParam(bad.getKey(), bad.getValue()).when().get("/api/v1/dead-letters")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(OPERATOR).when().delete("/api/v1/dead-letters").then().statusCode(405);
    }
}
