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

    @Test
    void otherNamesAreNotEvents() {
        assertFalse(EventTypes.isKnown("ticket.exploded"));
        assertFalse(EventTypes.isKnown("registration.events"));
        assertFalse(EventTypes.isKnown("type"));
    }
}
