package cn.org.kczg.teams.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

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

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
