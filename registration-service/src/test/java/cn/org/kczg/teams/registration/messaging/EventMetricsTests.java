package cn.org.kczg.teams.registration.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The platform's event metrics on {@code /q/metrics}: what the relay published, what each consumer did, its lag. */
@QuarkusTest
class EventMetricsTests {
    private static final String REVIEW_EVENTS = "registration-service.review-events";

    @Test
    void everyPublishedEventIsCountedByType() {
        Map<String, String> labels = Map.of("type", LeadUnitRegistered.TYPE);
        double before = value("kczg_events_published_total", labels);
        Fixtures.registerLeadUnit("OTHER");
        Fixtures.registerLeadUnit("OTHER");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(before + 2,
                value("kczg_events_published_total", labels)));
    }

    @Test
    void everyConsumedEventIsCountedByConsumerTypeAndOutcome() {
        double applied = consumed(ReviewDecided.TYPE, "applied");
        double duplicate = consumed(ReviewDecided.TYPE, "duplicate");
        double skipped = consumed(LeadUnitRegistered.TYPE, "skipped");
        double deadLettered = consumed("unreadable", "dead-lettered");

        // a decision on an application this service does not know: applied (a warning, no change) — then redelivered
        var decision = EventJson.envelope(new ReviewDecided(UUID.randomUUID(), UUID.randomUUID(), "X",
                ReviewDecided.Decision.APPROVED, List.of(), "reviewer-1", Instant.now(), List.of()), "review-service",
                "metrics-test", Instant.now());
        KafkaTestClient.produce(Topics.REVIEW, decision.aggregateId(), EventJson.write(decision));
        KafkaTestClient.produce(Topics.REVIEW, decision.aggregateId(), EventJson.write(decision));
        // a type of the contract this consumer has no handler for, and something that is no envelope at all
        var other = EventJson.envelope(new LeadUnitRegistered("X" + UUID.randomUUID(), "单位", "OTHER"),
                "registration-service", "metrics-test", Instant.now());
        KafkaTestClient.produce(Topics.REVIEW, other.aggregateId(), EventJson.write(other));
        KafkaTestClient.produce(Topics.REVIEW, "garbage", "{\"no\":");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(applied + 1, consumed(ReviewDecided.TYPE, "applied"), "applied");
            assertEquals(duplicate + 1, consumed(ReviewDecided.TYPE, "duplicate"), "inbox duplicates skipped");
            assertEquals(skipped + 1, consumed(LeadUnitRegistered.TYPE, "skipped"), "types it does not handle");
            assertEquals(deadLettered + 1, consumed("unreadable", "dead-lettered"), "dead letters");
        });
    }

    /**
     * Quarkus's Kafka binder (Micrometer's KafkaClientMetrics over every client the connector creates) exposes the
     * consumers' lag: the largest of each channel's consumer at once, that of each partition as soon as the binder
     * has seen the partition's metric (it looks again every minute; the consumer makes it with the first records it
     * fetches from the partition).
     */
    @Test
    void theConsumersLagIsExposed() {
        var other = EventJson.envelope(new LeadUnitRegistered("X" + UUID.randomUUID(), "单位", "OTHER"),
                "registration-service", "metrics-test", Instant.now());
        KafkaTestClient.produce(Topics.REVIEW, other.aggregateId(), EventJson.write(other));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-review-events\""))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-evaluation-events\"")));
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !lines("kafka_consumer_fetch_manager_records_lag", Map.of("topic", Topics.REVIEW)).isEmpty());
    }

    private static double consumed(String type, String outcome) {
        return value("kczg_events_consumed_total", Map.of("consumer", REVIEW_EVENTS, "type", type, "outcome", outcome));
    }

    /** The sum of the samples of {@code name} carrying every one of {@code labels}; 0 while there is none. */
    static double value(String name, Map<String, String> labels) {
        // the sample's value follows its labels (an exemplar — "# {trace_id=…} value timestamp" — may follow it)
        return lines(name, labels).stream()
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf("} ") + 2).split(" ")[0])).sum();
    }

    private static List<String> lines(String name, Map<String, String> labels) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + "{"))
                .filter(l -> labels.entrySet().stream().allMatch(e -> l.contains(e.getKey() + "=\"" + e.getValue() + "\"")))
                .toList();
    }
}
