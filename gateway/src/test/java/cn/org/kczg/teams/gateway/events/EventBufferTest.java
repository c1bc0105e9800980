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
        EventBuffer buffer = new EventBuffer(Duration.ofHours(1), 10);
        assertNotNull(buffer.append("e1", "activity.events", 0, 5, NOW, "ticket.created", null, null, "{}"));
        assertNull(buffer.append("e1", "activity.events", 0, 9, NOW, "ticket.created", null, null, "{}"),
                "the second copy (the relay sent it again) is skipped");
        assertNotNull(buffer.append("e2", "activity.events", 0, 10, NOW, "ticket.created", null, null, "{}"));
        assertEquals(2, buffer.from(0, 100, e -> true).size());
    }

    @Test
    void anIdIsForgottenWithItsEvent() {
        EventBuffer buffer = new EventBuffer(Duration.ofHours(1), 1);
        buffer.append("e1", "t", 0, 1, NOW, "x.y", null, null, "{}");
        buffer.append("e2", "t", 0, 2, NOW, "x.y", null, null, "{}");
        assertNotNull(buffer.append("e1", "t", 0, 3, NOW, "x.y", null, null, "{}"), "e1 left the buffer");
    }
}
