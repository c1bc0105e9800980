package cn.org.kczg.teams.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What every service exposes besides its API. A service's {@code PlatformEndpointsTests} extends this
 * as a {@code @QuarkusTest}.
 */
public abstract class ServiceEndpointsContract {

    @Test
    void liveness() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The database decides readiness; the broker is reported by the outbox check but cannot take it away. */
    @Test
    void readinessIsTheDatabaseAndReportsTheBroker() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body("checks.find { it.name == 'outbox' }.data.broker", notNullValue())
                .body("checks.find { it.name == 'outbox' }.data.backlog", notNullValue());
    }

    @Test
    void openApiDocument() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", notNullValue()).body("paths", notNullValue());
    }

    @Test
    void prometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /** The kit's versioned migrations are V1 and V1.x, the service's V2 and up: the two never collide. */
    @Test
    void migrationsAreNumberedApartFromTheKits() throws Exception {
        assertEquals(java.util.List.of(), versionsOutside("db/migration", 2, Integer.MAX_VALUE));
        assertEquals(java.util.List.of(), versionsOutside("db/service-kit", 1, 1));
    }

    private static java.util.List<String> versionsOutside(String location, int lowest, int highest) throws Exception {
        java.util.List<String> wrong = new java.util.ArrayList<>();
        var urls = Thread.currentThread().getContextClassLoader().getResources(location);
        while (urls.hasMoreElements()) {
            java.net.URL url = urls.nextElement();
            if (!"file".equals(url.getProtocol())) {
                continue; // the kit's own, inside its jar: checked by its module's build
            }
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(url.toURI()))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+(\\.\\d+)*__.*\\.sql"))
                        .filter(n -> {
                            int major = Integer.parseInt(n.substring(1).split("[._]")[0]);
                            return major < lowest || major > highest;
                        }).forEach(n -> wrong.add(location + "/" + n));
            }
        }
        return wrong;
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
