package cn.org.kczg.teams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wire format is a contract with other services: these files may only grow. */
class GoldenEventJsonTest {

    @Test
    void leadUnitRegisteredMatchesGoldenFile() throws IOException {
        var payload = new LeadUnitRegistered("91350100M000100Y43", "中国机械工程学会", "NATIONAL_SOCIETY");
        var built = EventJson.envelope(payload, "registration-service", "req-1", Instant.parse("2026-11-27T08:00:00Z"));
        var envelope = new EventEnvelope(UUID.fromString("0b8f8f5e-3d6c-4a53-9d44-6f1c2f2f0c01"), built.type(),
                built.version(), built.occurredAt(), built.aggregateType(), built.aggregateId(), built.producer(),
                built.correlationId(), built.payload());

        JsonNode golden = golden("lead-unit.registered.json");
        assertEquals(golden, EventJson.mapper().readTree(EventJson.write(envelope)));
        assertEquals(payload, EventJson.payload(EventJson.read(golden.toString()), LeadUnitRegistered.class));
    }

    @Test
    void readRejectsTextThatIsNotAnEnvelope() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{not json"));
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{\"type\":\"x\"}"));
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = GoldenEventJsonTest.class.getResourceAsStream("/events/" + name)) {
            return EventJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
