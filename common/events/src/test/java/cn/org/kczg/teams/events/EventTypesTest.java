package cn.org.kczg.teams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.activity.TicketChanged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EventTypesTest {
    @Test
    void everyGoldenEventIsAKnownType() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/events"))) {
            files.forEach(file -> {
                String type = file.getFileName().toString().replaceFirst("\\.json$", "");
                assertTrue(EventTypes.isKnown(type), type);
            });
        }
    }

    @Test
    void eachTypeIsReadAsItsPayload() {
        assertEquals(TicketChanged.class, EventTypes.payloadOf(TicketChanged.OVERDUE).orElseThrow());
        assertTrue(EventTypes.all().size() > 40);
    }

    /** Whatever team or lead unit a payload names, it says it concerns: the event stream's filters rely on it. */
    @Test
    void everyGoldenEventSaysWhichTeamAndLeadUnitItConcerns() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/events"))) {
            for (Path file : files.toList()) {
                EventEnvelope envelope = EventJson.read(Files.readString(file));
                EventPayload payload = EventJson.payload(envelope, EventTypes.payloadOf(envelope.type()).orElseThrow());
                var json = envelope.payload();
                if (json.hasNonNull("teamId")) {
                    assertEquals(json.get("teamId").asText(), String.valueOf(payload.concernsTeam()), file.toString());
                }
                for (String field : new String[] {"leadUnitCreditCode", "teamLeadUnit", "creditCode"}) {
                    if (json.hasNonNull(field)) {
                        assertEquals(json.get(field).asText(), payload.concernsLeadUnit(), file + " " + field);
                    }
                }
            }
        }
    }

    @Test
    void otherNamesAreNotEvents() {
        assertFalse(EventTypes.isKnown("ticket.exploded"));
        assertFalse(EventTypes.isKnown("registration.events"));
        assertFalse(EventTypes.isKnown("type"));
    }
}
