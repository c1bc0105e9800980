package cn.org.kczg.teams.registration.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.outbox.OutboxRelay;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The relay as two instances of a service would run it: every event reaches the topic once, in order. */
@QuarkusTest
class OutboxRelayTests {
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;

    @Test
    void competingRelaysPublishEachEventOnceAndInOrder() throws Exception {
        String batch = "R" + UUID.randomUUID().toString().substring(0, 8);
        int count = 60;
        // one aggregate, so the order of its events is the order of the outbox
        String aggregate = batch + "AGGREGATE";
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                outbox.append(new LeadUnitRegistered(aggregate, batch + "#" + i, "NATIONAL_SOCIETY"));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> relays = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            relays.add(pool.submit(() -> {
                go.await();
                for (int round = 0; round < 5; round++) {
                    relay.publishBatch();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : relays) {
            f.get();
        }
        pool.shutdown();

        // an event appended after all the others marks how far to read (it may sit on another partition,
        // so read until both it and all of the batch have arrived: a duplicate would come before it)
        String end = batch + "END";
        QuarkusTransaction.requiringNew().run(() -> outbox.append(new LeadUnitRegistered(end, end, "OTHER")));
        var records = KafkaTestClient.readUntil(Topics.REGISTRATION, Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> end.equals(r.key()))
                        && read.stream().filter(r -> aggregate.equals(r.key())).count() >= count);
        List<String> names = records.stream().filter(r -> aggregate.equals(r.key()))
                .map(r -> EventJson.read(r.value()).payload().get("name").asText()).toList();
        Map<String, Long> copies = names.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertEquals(count, copies.size());
        assertEquals(List.of(1L), copies.values().stream().distinct().toList(), "an event was published twice");
        for (int i = 0; i < count; i++) {
            assertEquals(batch + "#" + i, names.get(i), "out of order at " + i);
        }
    }

    @Test
    void aRecordTheBrokerWillNeverTakeIsParkedWithItsReasonAndTheRowsBehindItFlowOn() {
        String tag = "P" + UUID.randomUUID().toString().substring(0, 8);
        // about 1.8 MB of UTF-8: above the producer's max.request.size, so no retry can ever send it
        String huge = "大".repeat(600_000);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(new LeadUnitRegistered(tag + "HUGE", huge, "OTHER"));
            outbox.append(new LeadUnitRegistered(tag + "NEXT", tag, "OTHER"));
        });
        KafkaTestClient.readUntil(Topics.REGISTRATION, Duration.ofSeconds(30),
                read -> read.stream().anyMatch(r -> (tag + "NEXT").equals(r.key())));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "select parked_at is not null, park_reason, sent_at is null from outbox_event where aggregate_id = :a")
                    .setParameter("a", tag + "HUGE").getSingleResult());
            assertEquals(true, row[0], "parked");
            assertTrue(String.valueOf(row[1]).contains("RecordTooLargeException"), String.valueOf(row[1]));
            assertEquals(true, row[2], "never marked sent");
        });
        // staff see it: the readiness report names it and stays UP
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.parked", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'outbox' }.data.broker", equalTo("publishing")));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kczg_outbox_parked{topic=\"registration.events\"}"))
                .body(containsString("kczg_outbox_backlog{topic=\"registration.events\"}"))
                .body(containsString("kczg_outbox_oldest_unsent_age_seconds{topic=\"registration.events\"}"));
    }
}
