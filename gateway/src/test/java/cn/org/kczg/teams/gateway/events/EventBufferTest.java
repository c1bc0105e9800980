package cn.org.kczg.teams.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventBufferTest {
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void anEventPublishedTwiceIsBufferedOnce() {
        EventBuffer buffer = new EventBuffer(Duration.ofHours(1), 10, 1_000_000);
        assertNotNull(buffer.append("e1", "activity.events", 0, 5, NOW, "ticket.created", null, null, "{}"));
        assertNull(buffer.append("e1", "activity.events", 0, 9, NOW, "ticket.created", null, null, "{}"),
                "the second copy (the relay sent it again) is skipped");
        assertNotNull(buffer.append("e2", "activity.events", 0, 10, NOW, "ticket.created", null, null, "{}"));
        assertEquals(2, buffer.from(0, 100, e -> true).size());
    }

    @Test
    void anIdIsForgottenWithItsEvent() {
        EventBuffer buffer = new EventBuffer(Duration.ofHours(1), 1, 1_000_000);
        buffer.append("e1", "t", 0, 1, NOW, "x.y", null, null, "{}");
        buffer.append("e2", "t", 0, 2, NOW, "x.y", null, null, "{}");
        assertNotNull(buffer.append("e1", "t", 0, 3, NOW, "x.y", null, null, "{}"), "e1 left the buffer");
    }

    @Test
    void largeEventsAreBoundedByTheirSizeNotOnlyByTheirCount() {
        String big = "{\"payload\":\"" + "申".repeat(25_000) + "\"}";
        long each = EventBuffer.footprint(big);
        EventBuffer buffer = new EventBuffer(Duration.ofHours(1), 20_000, 3 * each);
        for (int i = 0; i < 10; i++) {
            buffer.append("e" + i, "registration.events", 0, i, NOW, "application.submitted", null, null, big);
        }
        var kept = buffer.from(0, 100, e -> true);
        assertEquals(3, kept.size(), "only what fits in the byte budget stays");
        assertEquals("e7", kept.get(0).eventId(), "the oldest went first");
        String small = "{}";
        buffer.append("s", "t", 0, 11, NOW, "x.y", null, null, small);
        assertEquals(3, buffer.from(0, 100, e -> true).size(), "a big event made room for the small one");
    }

    @Test
    void oneEventLargerThanTheBudgetIsStillKeptAlone() {
        EventBuffer buffer = new EventBuffer(Duration.ofHours(1), 10, 10);
        buffer.append("e1", "t", 0, 1, NOW, "x.y", null, null, "{\"a\":1}");
        buffer.append("e2", "t", 0, 2, NOW, "x.y", null, null, "{\"a\":2}");
        var kept = buffer.from(0, 100, e -> true);
        assertEquals(1, kept.size());
        assertEquals("e2", kept.get(0).eventId());
    }
}
