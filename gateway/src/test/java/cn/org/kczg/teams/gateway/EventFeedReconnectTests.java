package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The event feed through a broker crash: the gateway stays in traffic, and the feed comes back by itself. */
@QuarkusTest
@TestProfile(EventFeedReconnectTests.WithRestartableBroker.class)
class EventFeedReconnectTests {
    public static class WithRestartableBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kczg.gateway.events.enabled", "true", "kczg.gateway.events.partition-check", "1s",
                    "kczg.gateway.events.reconnect-max", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartableBrokerResource.class),
                    new TestResourceEntry(JwtKeyResource.class), new TestResourceEntry(EchoBackendResource.class));
        }
    }

    private static final String OPERATOR = TestTokens.token("operator");

    private static String publish() {
        String id = UUID.randomUUID().toString();
        KafkaTestClient.produce(RestartableBrokerResource.bootstrap(), new ProducerRecord<>("activity.events", id,
                ("{'eventId':'%s','type':'ticket.created','version':1,'occurredAt':'2026-11-30T00:00:00Z',"
                        + "'aggregateType':'ticket','aggregateId':'%s','producer':'test','payload':{}}")
                        .formatted(id, id).replace('\'', '"')));
        return id;
    }

    private static long listed(String eventId) {
        List<String> ids = given().auth().oauth2(OPERATOR).queryParam("size", 500).when().get("/api/v1/events")
                .then().statusCode(200).extract().path("items.event.eventId");
        return ids.stream().filter(eventId::equals).count();
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL readiness;

    private JsonPath feedHealth() {
        return given().when().get(readiness).then().statusCode(200).extract().jsonPath()
                .setRootPath("checks.find { it.name == 'event-feed' }");
    }

    @Test
    void theFeedReconnectsAfterTheBrokerIsBackAndResumesWithoutLossOrRepeats() {
        String before = publish();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> listed(before) == 1);
        assertEquals("connected", feedHealth().getString("data.eventFeed"));

        RestartableBrokerResource.stopBroker();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "reconnecting".equals(feedHealth().getString("data.eventFeed")));
        JsonPath down = feedHealth();
        assertEquals("UP", down.getString("status"), "a broker outage must not take the gateway out of traffic");
        org.junit.jupiter.api.Assertions.assertNotNull(down.getString("data.lastError"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/lead-units").then().statusCode(200);
        assertEquals(1, listed(before), "the buffer is kept through the outage");

        RestartableBrokerResource.startBroker();
        String after = publish();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> listed(after) == 1);
        assertEquals(1, listed(before), "nothing read before the outage is read again");
        assertEquals("connected", feedHealth().getString("data.eventFeed"));
    }
}
