package cn.org.kczg.teams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.SseClient;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operators watch the platform live: an operator's stream through the gateway, filtered to lead-unit events,
 * receives the {@code lead-unit.registered} registration-service publishes when a lead unit registers.
 */
class EventStreamFlowTest {
    static final String SOCIETY = "511000005000004037";
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
    }

    @Test
    void aRealServicesEventReachesTheOperatorsStream() throws Exception {
        try (SseClient stream = new SseClient(suite.gatewayUrl + "/api/v1/events/stream?type=lead-unit.*",
                Map.of("Authorization", "Bearer " + suite.token("operator")))) {
            assertEquals(200, stream.status);
            long registered = System.nanoTime();
            TeamApplicationFlowTest.register(suite.token("lead-unit", "--org", SOCIETY), SOCIETY, "中国作物学会",
                    "NATIONAL_SOCIETY");
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> stream.frames.stream().anyMatch(f -> f.data().contains(SOCIETY)));
            System.out.printf("[e2e] lead-unit.registered reached the operator's stream %d ms after the 201%n",
                    (System.nanoTime() - registered) / 1_000_000);
            SseClient.Frame frame = stream.frames.stream().filter(f -> f.data().contains(SOCIETY)).findFirst()
                    .orElseThrow();
            assertEquals("lead-unit.registered", frame.event());
            assertTrue(frame.data().contains("中国作物学会") && frame.id() != null && frame.id().contains(":"), frame::toString);
            assertTrue(stream.frames.stream().allMatch(f -> f.event().startsWith("lead-unit.")), stream.frames::toString);
        }
    }
}
