package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.platform.tracing.NoSpanExport;
import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Quarkus's Vert.x tracing covers the proxy without code of its own: a server span per request (continuing the
 * caller's traceparent) and a client span for the proxied request, whose traceparent — the only one — the service
 * receives.
 */
@QuarkusTest
@WithTestResource(EchoBackendResource.class)
@WithTestResource(JwtKeyResource.class)
class TracingTests {
    @Inject
    CollectedSpans spans;
    @Inject
    Instance<SpanExporter> exporters;

    @Test
    void theServiceReceivesTheGatewaysClientSpanInTheCallersTrace() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        List<String> received = given().auth().oauth2(TestTokens.token("operator"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().get("/api/v1/lead-units/91350100M000100Y43")
                .then().statusCode(200).extract().jsonPath().getList("traceparent", String.class);
        assertEquals(1, received.size(), "one traceparent, not the caller's (" + callerSpan + ") beside the gateway's: "
                + received + "; spans: " + spans.ended());
        String[] traceparent = received.get(0).split("-");
        assertEquals(traceId, traceparent[1], "the caller's trace goes on");
        assertNotEquals(callerSpan, traceparent[2], "the service's parent is the gateway's span");

        SpanData client = span(traceparent[2]);
        assertEquals(SpanKind.CLIENT, client.getKind(), client.getName());
        SpanData server = span(client.getParentSpanId());
        assertEquals(SpanKind.SERVER, server.getKind(), server.getName());
        assertEquals(callerSpan, server.getParentSpanId());
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceTheServiceContinues() {
        List<String> received = given().auth().oauth2(TestTokens.token("operator"))
                .when().get("/api/v1/lead-units/91350100M000100Y43")
                .then().statusCode(200).extract().jsonPath().getList("traceparent", String.class);
        assertEquals(1, received.size(), received.toString());
        assertTrue(received.get(0).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), received.get(0));
    }

    /** No endpoint configured: the stand-in exporter is in place of Quarkus's OTLP one, nothing connects anywhere. */
    @Test
    void nothingIsExportedWithoutAnEndpoint() {
        assertTrue(exporters.stream().anyMatch(NoSpanExport.class::isInstance),
                "without an endpoint Quarkus would export to localhost:4317 and log every failed attempt");
    }

    private SpanData span(String spanId) {
        return Awaitility.await("span " + spanId).atMost(Duration.ofSeconds(20))
                .until(() -> spans.withId(spanId).orElse(null), found -> found != null);
    }

    private static String hex(int bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes; i++) {
            hex.append(String.format("%02x", ThreadLocalRandom.current().nextInt(256)));
        }
        return hex.toString();
    }
}
