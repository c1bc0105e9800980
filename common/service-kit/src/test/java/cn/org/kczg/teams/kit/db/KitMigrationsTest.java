package cn.org.kczg.teams.kit.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The kit's versioned migrations are V1 and V1.x (the services number from V2): see the Flyway settings. */
class KitMigrationsTest {

    @Test
    void theKitNumbersItsMigrationsOneAndOnePointSomething() throws Exception {
        Path location = Path.of("src/main/resources/db/service-kit");
        try (Stream<Path> files = Files.list(location)) {
            List<String> versioned = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("V")).toList();
            assertTrue(versioned.contains("V1__service_kit.sql"), versioned.toString());
            assertEquals(List.of(), versioned.stream().filter(n -> !n.matches("V1(\\.\\d+)?__.*\\.sql")).toList());
        }
    }
}
