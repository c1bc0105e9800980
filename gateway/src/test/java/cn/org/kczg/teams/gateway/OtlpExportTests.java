package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.platform.tracing.NoSpanExport;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint configured, spans leave the process: the stand-in collector receives the request's span in the
 * caller's trace. (Without one — every other test here — {@link NoSpanExport} keeps them in, see
 * {@code TracingTests#nothingIsExportedWithoutAnEndpoint}.)
 */
@QuarkusTest
@WithTestResource(OtlpReceiverResource.class)
class OtlpExportTests {
    @Inject
    Instance<SpanExporter> exporters;

    @Test
    void spansGoToTheConfiguredEndpoint() {
        assertTrue(exporters.stream().noneMatch(NoSpanExport.class::isInstance),
                "with an endpoint configured the stand-in exporter steps aside");
        byte[] traceId = new byte[16];
        ThreadLocalRandom.current().nextBytes(traceId);
        String hex = HexFormat.of().formatHex(traceId);
        given().header("traceparent", "00-" + hex + "-00f067aa0ba902b7-01")
                .when().get("/api/v1/no-such-service").then().statusCode(404);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> OtlpReceiverResource.EXPORTS.stream()
                .anyMatch(body -> contains(body, traceId)));
        assertTrue(OtlpReceiverResource.PATHS.contains("/v1/traces"), OtlpReceiverResource.PATHS.toString());
    }

    /** Whether {@code body} (an OTLP protobuf message, which holds trace ids as raw bytes) contains {@code part}. */
    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
