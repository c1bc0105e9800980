package cn.org.kczg.teams.review.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import cn.org.kczg.teams.kit.inbox.PoisonMessageException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Idempotent consumption against the real database: one effect per event, transient failures retried without limit, poison found, no lost claims. */
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
    void knownTypesAConsumerDoesNotHandleAreSkipped() {
        AtomicInteger effects = new AtomicInteger();
        EventHandlers handlers = EventHandlers.builder()
                .on(TeamActivated.TYPE, LeadUnitRegistered.class, (p, e) -> effects.incrementAndGet()).build();
        inbox.consume(message(), consumer(), handlers);
        assertEquals(0, effects.get());
    }

    @Test
    void aTypeTheContractDoesNotKnowIsPoison() {
        String unknown = message().replace(LeadUnitRegistered.TYPE, "lead-unit.teleported");
        PoisonMessageException e = assertThrows(PoisonMessageException.class, () -> inbox.consume(unknown,
                consumer(), EventHandlers.builder().on("lead-unit.teleported", LeadUnitRegistered.class,
                        (p, env) -> fail("an unknown type has no effect")).build()));
        assertTrue(e.getMessage().contains("unknown event type 'lead-unit.teleported'"), e.getMessage());
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesWithoutLimit() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger effects = new AtomicInteger();
        EventHandlers flaky = EventHandlers.builder().on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, (p, e) -> {
            if (attempts.incrementAndGet() <= 8) {
                throw new PersistenceException(new SQLException("Connection to localhost refused", "08001"));
            }
            effects.incrementAndGet();
        }).build();
        inbox.consume(message(), consumer(), flaky);
        assertEquals(9, attempts.get(), "more attempts than any fixed bound: the database was away eight times");
        assertEquals(1, effects.get());
    }

    @Test
    void aFailureThatRepeatsWithTheDatabaseUpIsPoisonAfterThreeAttemptsAndClaimsNothing() {
        AtomicInteger failing = new AtomicInteger();
        EventHandlers broken = EventHandlers.builder().on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, (p, e) -> {
            failing.incrementAndGet();
            throw new IllegalStateException("always");
        }).build();
        String message = message();
        String consumer = consumer();
        PoisonMessageException e = assertThrows(PoisonMessageException.class,
                () -> inbox.consume(message, consumer, broken));
        assertEquals(3, failing.get(), "three attempts, then the channel sends it to the DLQ");
        assertTrue(e.getMessage().contains("always"), e.getMessage());

        // the failed attempts claimed nothing: a later delivery (a replay) still has its effect
        AtomicInteger effects = new AtomicInteger();
        inbox.consume(message, consumer, EventHandlers.builder()
                .on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, (p, env) -> effects.incrementAndGet()).build());
        assertEquals(1, effects.get());
    }

    @Test
    void aPayloadThatDoesNotReadAsItsTypeIsPoisonAtOnce() {
        String wrong = message().replaceFirst("\\{\"creditCode\":", "{\"creditCode\":[1,2],\"x\":");
        AtomicInteger effects = new AtomicInteger();
        assertThrows(PoisonMessageException.class, () -> inbox.consume(wrong, consumer(), EventHandlers.builder()
                .on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, (p, e) -> effects.incrementAndGet()).build()));
        assertEquals(0, effects.get());
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
