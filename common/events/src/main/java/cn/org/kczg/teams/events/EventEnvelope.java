package cn.org.kczg.teams.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic: the metadata every consumer needs plus the event's own payload.
 * The payload stays a {@link JsonNode} on the wire so a consumer can skip types it does not know
 * and read the ones it does with {@link EventJson#payload(EventEnvelope, Class)}.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String aggregateType,
        String aggregateId,
        String producer,
        String correlationId,
        JsonNode payload) {
}
