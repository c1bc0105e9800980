package cn.org.kczg.teams.review.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import cn.org.kczg.teams.kit.inbox.PoisonMessageException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Idempotent consumption against the real database: one effect per event, bounded retries, no lost claims. */
@QuarkusTest
class EventInboxTests {
    @Inject
    EventInbox inbox;

    private static String message() {
        return EventJson.write(EventJson.envelope(new LeadUnitRegistered("X" + UUID.randomUUID(), "单位", "OTHER"),
                "registration-service", "test", Instant.now()));
    }

    private static String consumer() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        AtomicInteger effects = new AtomicInteger();
        EventHandlers handlers = EventHandlers.builder()
                .on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, (p, e) -> effects.incrementAndGet()).build();
        String message = message();
        String consumer = consumer();
        inbox.consume(message, consumer, handlers);
        inbox.consume(message, consumer, handlers);
        assertEquals(1, effects.get());
        // another consumer of the same event has its own effect
        inbox.consume(message, consumer(), handlers);
        assertEquals(2, effects.get());
    }

    @Test
    void unknownTypesAreSkipped() {
        AtomicInteger effects = new AtomicInteger();
        EventHandlers handlers = EventHandlers.builder()
                .on("something.else", LeadUnitRegistered.class, (p, e) -> effects.incrementAndGet()).build();
        inbox.consume(message(), consumer(), handlers);
        assertEquals(0, effects.get());
    }

    @Test
    void transientFailuresAreRetriedABoundedNumberOfTimes() {
        AtomicInteger attempts = new AtomicInteger();
        EventHandlers flaky = EventHandlers.builder().on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, (p, e) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database hiccup");
            }
        }).build();
        inbox.consume(message(), consumer(), flaky);
        assertEquals(3, attempts.get());

        AtomicInteger failing = new AtomicInteger();
        EventHandlers broken = EventHandlers.builder().on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, (p, e) -> {
            failing.incrementAndGet();
            throw new IllegalStateException("always");
        }).build();
        String message = message();
        String consumer = consumer();
        assertThrows(IllegalStateException.class, () -> inbox.consume(message, consumer, broken));
        assertEquals(3, failing.get(), "one try and two retries, then the channel sends it to the DLQ");

        // the failed attempts claimed nothing: a later delivery still has its effect
        AtomicInteger effects = new AtomicInteger();
        inbox.consume(message, consumer, EventHandlers.builder()
                .on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, (p, e) -> effects.incrementAndGet()).build());
        assertEquals(1, effects.get());
    }

    @Test
    void somethingThatIsNotAnEnvelopeIsPoisonAndNotRetried() {
        AtomicInteger effects = new AtomicInteger();
        EventHandlers handlers = EventHandlers.builder()
                .on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, (p, e) -> effects.incrementAndGet()).build();
        assertThrows(PoisonMessageException.class, () -> inbox.consume("{\"no\":", consumer(), handlers));
        assertEquals(0, effects.get());
    }
}
