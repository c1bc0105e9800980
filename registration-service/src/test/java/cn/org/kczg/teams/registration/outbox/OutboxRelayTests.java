package cn.org.kczg.teams.registration.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.outbox.OutboxRelay;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import org.junit.jupiter.api.Test;

/** The relay as two instances of a service would run it: every event reaches the topic once, in order. */
@QuarkusTest
class OutboxRelayTests {
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;

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
}
