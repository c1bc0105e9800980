package cn.org.kczg.teams.gateway.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The recent events of all topics in arrival order — those of the last {@code retention}, but never more than
 * {@code capacity} events or {@code maxBytes} of their JSON (an application event alone carries ~25 k chars) —
 * shared by every stream and poll. Entries are immutable; readers keep their own cursor ({@code seq}).
 */
public final class EventBuffer {
    private final Deque<BufferedEvent> events = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();
    private final Duration retention;
    private final int capacity;
    private final long maxBytes;
    private long bytes;
    private long nextSeq;

    public EventBuffer(Duration retention, int capacity, long maxBytes) {
        this.retention = retention;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /** What an event holds on the heap, roughly: its JSON (UTF-16 at worst) and the entry around it. */
    static long footprint(String json) {
        return 2L * json.length() + 256;
    }

    /**
     * Appends the event unless one with the same {@code eventId} is still buffered: a producer that sent an event
     * again (its outbox relay died between sending and marking it sent) must not show it twice. Null when skipped.
     */
    public synchronized BufferedEvent append(String eventId, String topic, int partition, long offset,
            Instant timestamp, String type, String team, String leadUnit, String json) {
        if (eventId != null && !ids.add(eventId)) {
            return null;
        }
        BufferedEvent event = new BufferedEvent(nextSeq++, topic, partition, offset, timestamp, type, team, leadUnit,
                json, eventId);
        events.addLast(event);
        bytes += footprint(json);
        Instant horizon = timestamp.minus(retention);
        while (events.size() > capacity || (bytes > maxBytes && events.size() > 1)
                || (!events.isEmpty() && events.peekFirst().timestamp().isBefore(horizon))) {
            BufferedEvent gone = events.removeFirst();
            bytes -= footprint(gone.json());
            if (gone.eventId() != null) {
                ids.remove(gone.eventId());
            }
        }
        return event;
    }

    /** Up to {@code max} events with {@code seq >= fromSeq} that {@code wanted} accepts (all are scanned). */
    public synchronized List<BufferedEvent> from(long fromSeq, int max, Predicate<BufferedEvent> wanted) {
        List<BufferedEvent> out = new ArrayList<>();
        for (BufferedEvent e : events) {
            if (e.seq() >= fromSeq && wanted.test(e)) {
                out.add(e);
                if (out.size() >= max) {
                    break;
                }
            }
        }
        return out;
    }

    /** Where a reader starts: its position and the first {@code seq} it has not looked at. */
    public record Cursor(StreamPosition position, long seq) {
    }

    /** After everything buffered now: where a new client without Last-Event-ID starts. */
    public synchronized Cursor end() {
        StreamPosition position = StreamPosition.empty();
        for (BufferedEvent e : events) {
            position = position.after(e);
        }
        return new Cursor(position, nextSeq);
    }

    public synchronized long oldestSeq() {
        return events.isEmpty() ? nextSeq : events.peekFirst().seq();
    }
}
