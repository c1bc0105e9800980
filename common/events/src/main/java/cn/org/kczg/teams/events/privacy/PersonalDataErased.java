package cn.org.kczg.teams.events.privacy;

import cn.org.kczg.teams.events.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A service's answer to {@link ErasureRequested}: which of its entities and fields it anonymised and how many rows
 * — never the values.
 */
public record PersonalDataErased(UUID erasureId, String service, Instant erasedAt, List<Item> items)
        implements EventPayload {
    public static final String TYPE = "personal-data.erased";
    public static final String AGGREGATE = "personal-data-erasure";

    public PersonalDataErased {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** {@code count} rows of {@code entity} had {@code fields} anonymised. */
    public record Item(String entity, List<String> fields, long count) {
        public Item {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return erasureId.toString();
    }
}
