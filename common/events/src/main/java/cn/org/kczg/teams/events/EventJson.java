package cn.org.kczg.teams.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/** The one JSON mapping of the event contract, shared by producers, consumers and tests. */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // consumers tolerate additive changes to a payload
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // money stays exact on its way through the JsonNode payload
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static EventEnvelope envelope(EventPayload payload, String producer, String correlationId, Instant occurredAt) {
        return new EventEnvelope(UUID.randomUUID(), payload.eventType(), payload.version(), occurredAt,
                payload.aggregateType(), payload.aggregateId(), producer, correlationId,
                MAPPER.valueToTree(payload));
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the text is not an envelope */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope == null || envelope.eventId() == null || envelope.type() == null) {
                throw new IllegalArgumentException("not an event envelope: eventId and type are required");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + envelope.type() + " is not readable: "
                    + e.getOriginalMessage(), e);
        }
    }
}
