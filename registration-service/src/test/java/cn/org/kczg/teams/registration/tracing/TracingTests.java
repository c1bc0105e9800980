package cn.org.kczg.teams.registration.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.platform.tracing.NoSpanExport;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.KafkaBroker;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One trace from a request through the outbox and Kafka, and from a consumed event to the events it causes: the
 * trace id a caller (the gateway) sends in {@code traceparent} is the trace id of the {@code traceparent} header of
 * every record that follows from it. The spans in between are read from {@link CollectedSpans}: the server span, the
 * Kafka connector's consumer span, the inbox's apply span and the relay's producer span, each the child of the one
 * before.
 */
@QuarkusTest
class TracingTests {
    @Inject
    CollectedSpans spans;
    @Inject
    Instance<SpanExporter> exporters;

    @Test
    void aRequestsTraceIdIsInTheTraceparentHeaderOfTheEventItCaused() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String code = Fixtures.newCreditCode();
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("creditCode", code, "name", "追踪学会" + code.substring(10), "category", "NATIONAL_SOCIETY",
                        "contact", Map.of("name", "王敏", "phone", "010-68571234", "email", "wm@example.org.cn")))
                .when().post("/api/v1/lead-units").then().statusCode(201);

        ConsumerRecord<String, String> record = KafkaTestClient.readUntil(Topics.REGISTRATION, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> code.equals(r.key())))
                .stream().filter(r -> code.equals(r.key())).findFirst().orElseThrow();
        String[] traceparent = traceparentOf(record);
        assertEquals(traceId, traceparent[1], "the event continues the request's trace");
        assertNotEquals(callerSpan, traceparent[2], "its parent is the relay's producer span, not the caller's");

        SpanData publish = span(traceparent[2]);
        assertEquals(SpanKind.PRODUCER, publish.getKind());
        assertEquals("registration.events publish", publish.getName());
        SpanData server = span(publish.getParentSpanId());
        assertEquals(SpanKind.SERVER, server.getKind(), server.getName());
        assertEquals(callerSpan, server.getParentSpanId(), "the request's span is the caller's child");
    }

    @Test
    void anEventConsumedWithATraceparentCausesEventsInTheSameTrace() {
        String leadUnit = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        String applicationId = Fixtures.createDraft(leadUnit, Fixtures.completeApplication(Fixtures.uniqueName("追踪")));
        Fixtures.submitInOwnWindow(leadUnit, applicationId);

        String traceId = hex(16);
        String reviewSpan = hex(8);
        var decision = new ReviewDecided(UUID.randomUUID(), UUID.fromString(applicationId), leadUnit,
                ReviewDecided.Decision.APPROVED, List.of("符合条件"), "reviewer-1", Instant.now(), List.of());
        var envelope = EventJson.envelope(decision, "review-service", "trace-" + applicationId, Instant.now());
        var record = new ProducerRecord<>(Topics.REVIEW, envelope.aggregateId(), EventJson.write(envelope));
        record.headers().add(Topics.TYPE_HEADER, ReviewDecided.TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", ("00-" + traceId + "-" + reviewSpan + "-01").getBytes(StandardCharsets.UTF_8));
        KafkaTestClient.produce(KafkaBroker.start(), record);

        ConsumerRecord<String, String> activated = KafkaTestClient.readUntil(Topics.REGISTRATION,
                Duration.ofSeconds(30), read -> read.stream().anyMatch(r -> activates(r, applicationId)))
                .stream().filter(r -> activates(r, applicationId)).findFirst().orElseThrow();
        String[] traceparent = traceparentOf(activated);
        assertEquals(traceId, traceparent[1], "team.activated continues the trace of the review.decided it followed");
        assertNotEquals(reviewSpan, traceparent[2]);
        assertEquals("trace-" + applicationId, EventJson.read(activated.value()).correlationId(),
                "and the correlation id goes on beside it");

        // producer span ← apply span (current while the handler ran) ← the connector's consumer span ← the header
        SpanData publish = span(traceparent[2]);
        assertEquals(SpanKind.PRODUCER, publish.getKind());
        SpanData apply = span(publish.getParentSpanId());
        assertEquals("apply " + ReviewDecided.TYPE, apply.getName());
        assertEquals("applied", apply.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                "kczg.outcome")));
        SpanData consumer = span(apply.getParentSpanId());
        assertEquals(SpanKind.CONSUMER, consumer.getKind(), consumer.getName());
        assertEquals(reviewSpan, consumer.getParentSpanId(), "the consumer span is the child of the header's span");
        assertEquals(List.of(consumer.getSpanId()), spans.ended().stream()
                .filter(s -> s.getParentSpanId().equals(reviewSpan)).map(SpanData::getSpanId).toList(),
                "one consumer span for the record, not two competing ones");
    }

    /** No endpoint configured: the kit's stand-in is in place of Quarkus's OTLP exporter, nothing connects anywhere. */
    @Test
    void nothingIsExportedWithoutAnEndpoint() {
        assertTrue(exporters.stream().anyMatch(NoSpanExport.class::isInstance),
                "without an endpoint Quarkus would export to localhost:4317 and log every failed attempt");
    }

    /** The span with this id, once it has ended. */
    private SpanData span(String spanId) {
        return Awaitility.await("span " + spanId).atMost(Duration.ofSeconds(20))
                .until(() -> spans.withId(spanId).orElse(null), found -> found != null);
    }

    private static boolean activates(ConsumerRecord<String, String> record, String applicationId) {
        var envelope = EventJson.read(record.value());
        return envelope.type().equals(TeamActivated.TYPE)
                && applicationId.equals(envelope.payload().get("applicationId").asText());
    }

    /** The record's traceparent header, split: version, trace id, parent span id, flags. */
    static String[] traceparentOf(ConsumerRecord<String, String> record) {
        String header = KafkaTestClient.headers(record).get("traceparent");
        assertNotNull(header, "no traceparent header on " + KafkaTestClient.headers(record));
        String[] parts = header.split("-");
        assertEquals(4, parts.length, header);
        return parts;
    }

    /** {@code bytes} random bytes in lower-case hex: a trace id (16) or a span id (8). */
    static String hex(int bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            hex.append(String.format("%02x", ThreadLocalRandom.current().nextInt(256)));
        }
        return hex.toString();
    }
}
