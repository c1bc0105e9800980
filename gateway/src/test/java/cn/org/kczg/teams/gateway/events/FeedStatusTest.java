package cn.org.kczg.teams.gateway.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FeedStatusTest {

    @Test
    void anOutageStartsAtItsFirstErrorAndEndsWhenTheFeedIsBack() {
        FeedStatus status = new FeedStatus();
        status.connected();
        status.lost(new TimeoutException("first"), Duration.ofMillis(500));
        Instant outage = status.since();
        status.lost(new TimeoutException("second"), Duration.ofSeconds(1));
        assertEquals(FeedStatus.State.RECONNECTING, status.state());
        assertEquals(outage, status.since(), "a further failed attempt is the same outage");
        assertEquals("java.util.concurrent.TimeoutException: second", status.lastError());

        status.connected();
        assertEquals(FeedStatus.State.CONNECTED, status.state());
        assertEquals("java.util.concurrent.TimeoutException: second", status.lastError(), "kept for the record");
    }
}
