package cn.org.kczg.teams.gateway.events;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far a client has read, per topic partition: the SSE {@code id} of every event is the position just after
 * it ({@code registration.events-0:41,activity.events-2:7}). Within a partition events arrive in offset order, so
 * "everything up to these offsets" is exactly what was sent — resuming from it neither skips nor repeats, and
 * it means the same on every gateway instance and after a restart.
 */
public final class StreamPosition {
    private final Map<String, Long> offsets;

    private StreamPosition(Map<String, Long> offsets) {
        this.offsets = offsets;
    }

    public static StreamPosition empty() {
        return new StreamPosition(new TreeMap<>());
    }

    /** Parses an id written by {@link #toString()}; unreadable ids fail with IllegalArgumentException. */
    public static StreamPosition parse(String id) {
        Map<String, Long> offsets = new TreeMap<>();
        if (id != null && !id.isBlank()) {
            for (String part : id.split(",")) {
                int colon = part.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("not a stream position: " + id);
                }
                try {
                    offsets.put(part.substring(0, colon).strip(), Long.parseLong(part.substring(colon + 1).strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a stream position: " + id, e);
                }
            }
        }
        return new StreamPosition(offsets);
    }

    public boolean covers(BufferedEvent event) {
        Long seen = offsets.get(event.partitionKey());
        return seen != null && event.offset() <= seen;
    }

    public StreamPosition after(BufferedEvent event) {
        Map<String, Long> next = new TreeMap<>(offsets);
        next.merge(event.partitionKey(), event.offset(), Math::max);
        return new StreamPosition(next);
    }

    @Override
    public String toString() {
        return offsets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }
}
