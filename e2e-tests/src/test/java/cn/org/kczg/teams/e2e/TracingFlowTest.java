package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.ApplicationSubmitted;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One application followed through the launched suite by its trace ids (issue 17). Each request a person makes is a
 * trace of its own; everything that request causes — through the gateway, the service, its outbox, Kafka and every
 * consumer, to the events they append — is in that trace:
 *
 * <ol>
 * <li>the lead unit's {@code POST /applications/{id}/submit} (a traceparent the client chose) →
 * {@code application.submitted} on {@code registration.events} → review-service opens the review case (it publishes
 * no event for that: the case is its own state) — the record's header and review-service's log line say the
 * client's trace id;
 * <li>the reviewer's {@code POST /reviews/{id}/approve} (a second request, another trace) → {@code review.decided}
 * on {@code review.events} → registration-service makes the team → {@code team.activated} on
 * {@code registration.events} → review, activity and evaluation apply it — one trace id in both records' headers
 * and in every consumer's log line.
 * </ol>
 *
 * The two are tied by the application (and each by its correlation id), not by one trace: a reviewer's decision, days
 * later, is no child of the lead unit's request.
 */
class TracingFlowTest {
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        TeamApplicationFlowTest.start();
        suite = TeamApplicationFlowTest.suite;
        RestAssured.baseURI = suite.gatewayUrl;
    }

    @Test
    void eachRequestsTraceRunsThroughKafkaToTheLastEventItCauses() {
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code);
        TeamApplicationFlowTest.register(leadUnit, code, "中国链路追踪学会", "NATIONAL_SOCIETY");
        String id = TeamApplicationFlowTest.draft(leadUnit, "“科创中国”链路追踪" + code.substring(12, 17) + "号科技服务团");

        // 1. the submission
        String submission = hex(16);
        given().auth().oauth2(leadUnit).header("traceparent", "00-" + submission + "-" + hex(8) + "-01")
                .when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        ConsumerRecord<String, String> submitted = await(Topics.REGISTRATION, ApplicationSubmitted.TYPE, id);
        assertEquals(submission, traceIdOf(submitted), "application.submitted continues the client's trace");
        awaitLogLine("gateway", submission, "POST /api/v1/applications/" + id + "/submit 200");
        awaitLogLine("review-service", submission, "review-service.registration-events applied "
                + ApplicationSubmitted.TYPE + " " + eventIdOf(submitted));

        // 2. the reviewer's decision: a request of its own, and its trace
        String caseId = TeamApplicationFlowTest.claimedCase(id);
        String decision = hex(16);
        given().auth().oauth2(TeamApplicationFlowTest.reviewer).contentType(ContentType.JSON)
                .header("traceparent", "00-" + decision + "-" + hex(8) + "-01")
                .body(Map.of("reason", "符合第五条、第八条"))
                .when().post("/api/v1/reviews/" + caseId + "/approve").then().statusCode(200);
        ConsumerRecord<String, String> decided = await(Topics.REVIEW, ReviewDecided.TYPE, id);
        ConsumerRecord<String, String> activated = await(Topics.REGISTRATION, TeamActivated.TYPE, id);
        assertEquals(List.of(decision, decision), List.of(traceIdOf(decided), traceIdOf(activated)),
                "review.decided and the team.activated it caused are in the decision's trace");
        awaitLogLine("registration-service", decision, "registration-service.review-events applied "
                + ReviewDecided.TYPE + " " + eventIdOf(decided));
        awaitLogLine("evaluation-service", decision, "evaluation-service.review-events applied "
                + ReviewDecided.TYPE + " " + eventIdOf(decided));
        for (String service : List.of("review-service", "activity-service", "evaluation-service")) {
            awaitLogLine(service, decision, service + ".registration-events applied " + TeamActivated.TYPE + " "
                    + eventIdOf(activated));
        }
        given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + id)
                .then().body("status", equalTo("APPROVED"));
    }

    /** The one event of {@code type} about application {@code id} on {@code topic}, once it is there. */
    private static ConsumerRecord<String, String> await(String topic, String type, String id) {
        List<ConsumerRecord<String, String>> read = KafkaTestClient.readUntil(suite.kafkaBootstrap(), topic,
                Duration.ofSeconds(60), records -> records.stream().anyMatch(r -> about(r, type, id)));
        List<ConsumerRecord<String, String>> matching = read.stream().filter(r -> about(r, type, id)).toList();
        assertEquals(1, matching.size(), type + " of " + id);
        return matching.get(0);
    }

    private static boolean about(ConsumerRecord<String, String> record, String type, String applicationId) {
        EventEnvelope envelope = EventJson.read(record.value());
        return envelope.type().equals(type) && envelope.payload().has("applicationId")
                && applicationId.equals(envelope.payload().get("applicationId").asText());
    }

    /** The trace id of the record's {@code traceparent} header ({@code 00-<trace id>-<span id>-<flags>}). */
    private static String traceIdOf(ConsumerRecord<String, String> record) {
        String traceparent = KafkaTestClient.headers(record).get("traceparent");
        assertNotNull(traceparent, "no traceparent on " + record.topic() + " " + record.key());
        return traceparent.split("-")[1];
    }

    private static String eventIdOf(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value()).eventId().toString();
    }

    /** A line of the instance's log that says {@code text} and names the trace ({@code [<trace id>,<span id>]}). */
    private static void awaitLogLine(String instance, String traceId, String text) {
        Awaitility.await(instance + " logs \"" + text + "\" in trace " + traceId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> suite.log(instance).lines().anyMatch(l -> l.contains(text) && l.contains("[" + traceId + ",")));
    }

    private static String hex(int bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            hex.append(String.format("%02x", ThreadLocalRandom.current().nextInt(256)));
        }
        return hex.toString();
    }
}
