package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EchoBackendResource.class)
@WithTestResource(JwtKeyResource.class)
class ApiProxyTests {

    @Test
    void routesByPathPrefixForwardingTokenAndRequestId() {
        String token = TestTokens.token("operator");
        given().auth().oauth2(token).header("X-Request-Id", "req-42")
                .when().get("/api/v1/lead-units/91350100M000100Y43?page=1")
                .then().statusCode(200)
                .header("X-Request-Id", "req-42")
                .body("uri", equalTo("/api/v1/lead-units/91350100M000100Y43?page=1"))
                .body("authorization", equalTo("Bearer " + token))
                .body("requestId", equalTo("req-42"));
    }

    @Test
    void generatesARequestIdWhenAbsentAndPassesBodies() {
        String id = given().auth().oauth2(TestTokens.partner("p1")).contentType(ContentType.JSON)
                .body("{\"projectName\":\"智能制造需求\"}")
                .when().post("/api/v1/tickets")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("body", equalTo("{\"projectName\":\"智能制造需求\"}"))
                .body("requestId", notNullValue())
                .extract().header("X-Request-Id");
        assertEquals(id, EchoBackendResource.LAST.get().getString("requestId"));
    }

    @jakarta.inject.Inject
    GatewayConfig config;

    @Test
    void theConfiguredTableSendsTeamMetricsToEvaluationAndTheRestOfTeamsToRegistration() {
        RouteTable<Upstream> table = RouteTable.services(config.routes(), config.services());
        assertEquals("evaluation", table.target("/api/v1/teams/6f1c/metrics/2026").orElseThrow().service());
        assertEquals("registration", table.target("/api/v1/teams/6f1c").orElseThrow().service());
        assertEquals("evaluation", config.routes().get("teams.*.metrics"));
    }

    @Test
    void eachCallerHasItsOwnBudgetPerPathGroupAndPartnersALargerOne() {
        String first = TestTokens.sign(TestTokens.builder("operator").subject("rate-a"));
        String second = TestTokens.sign(TestTokens.builder("operator").subject("rate-b"));
        for (int i = 2; i >= 0; i--) {
            given().auth().oauth2(first).when().get("/api/v1/calendar/holidays").then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(i));
        }
        int before = EchoBackendResource.HITS.get();
        given().auth().oauth2(first).when().get("/api/v1/calendar/holidays").then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("rate-limited"))
                .body("detail", containsString("3 requests")).header("Retry-After", notNullValue());
        assertEquals(before, EchoBackendResource.HITS.get(), "a limited request must not reach the service");
        given().auth().oauth2(second).when().get("/api/v1/calendar/holidays").then().statusCode(200);
        given().auth().oauth2(first).when().get("/api/v1/teams").then().statusCode(200);

        String partner = TestTokens.partner("rate-partner");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(partner).when().get("/api/v1/calendar/holidays").then().statusCode(200);
        }
        given().auth().oauth2(partner).when().get("/api/v1/calendar/holidays").then().statusCode(429);
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/v1/calendar/holidays").then().statusCode(200);
        }
        long retryAfter = Long.parseLong(given().when().get("/api/v1/calendar/holidays").then().statusCode(429)
                .extract().header("Retry-After"));
        org.junit.jupiter.api.Assertions.assertTrue(retryAfter > 0 && retryAfter <= 1200, "refill of one in 1h/3");
    }

    @Test
    void requestsAreBalancedOverAServicesInstancesAndAnInstanceThatIsDownIsSkipped() {
        Map<Integer, Integer> before = new java.util.HashMap<>();
        EchoBackendResource.HITS_BY_PORT.forEach((port, hits) -> before.put(port, hits.get()));
        String token = TestTokens.token("operator");
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).when().get("/api/v1/lead-units").then().statusCode(200);
            given().auth().oauth2(token).when().get("/api/v1/tickets").then().statusCode(200);
        }
        EchoBackendResource.HITS_BY_PORT.forEach((port, hits) -> org.junit.jupiter.api.Assertions.assertTrue(
                hits.get() - before.get(port) >= 5, "instance " + port + " got " + (hits.get() - before.get(port))));
    }

    @Test
    void aReadThatAnInstanceHangsUpOnIsRetriedOnTheNextAndAWriteIsA502Problem() {
        String token = TestTokens.token("operator");
        int hungUp = EchoBackendResource.HUNG_UP.get();
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(token).when().get("/api/v1/indicator-systems").then().statusCode(200)
                    .body("method", equalTo("GET"));
        }
        org.junit.jupiter.api.Assertions.assertTrue(EchoBackendResource.HUNG_UP.get() - hungUp >= 3,
                "the hanging-up instance got its share of the reads");
        // a write may have reached the service: the client learns at once, and nothing is sent twice
        java.util.Set<Integer> statuses = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            var response = given().auth().oauth2(token).contentType("application/json").body("{}")
                    .when().post("/api/v1/indicator-systems").then().extract().response();
            statuses.add(response.statusCode());
            if (response.statusCode() == 502) {
                assertEquals("application/problem+json", response.contentType());
                assertEquals("bad-gateway", response.path("code"));
            }
        }
        assertEquals(java.util.Set.of(200, 502), statuses);
    }

    @Test
    void aReadWhoseOnlyInstanceHangsUpIsSentOnceMoreOnAFreshConnectionAndAWriteIsNot() {
        String token = TestTokens.token("operator");
        String read = "/api/v1/flaky/" + UUID.randomUUID();
        given().auth().oauth2(token).when().get(read).then().statusCode(200)
                .body("method", equalTo("GET")).body("hit", equalTo(2))
                // the fresh connection was the gateway's to close, not the client's
                .header("Connection", nullValue());

        String write = "/api/v1/flaky/" + UUID.randomUUID();
        given().auth().oauth2(token).contentType("application/json").body("{}").when().post(write).then()
                .statusCode(502).contentType("application/problem+json").body("code", equalTo("bad-gateway"))
                .time(lessThan(900L));
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> EchoBackendResource.HITS_BY_REQUEST.get("POST " + write).get() == 1);
    }

    @Test
    void anonymousRequestsPassToTheServiceWhichDecides() {
        given().when().get("/api/v1/teams").then().statusCode(200).body("authorization", equalTo(null));
    }

    @Test
    void theClientAddressReplacesWhateverTheClientClaims() {
        given().header("X-Forwarded-For", "203.0.113.9").when().get("/api/v1/teams")
                .then().statusCode(200).body("forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void badTokenIs401BeforeReachingAService() {
        int before = EchoBackendResource.HITS.get();
        given().auth().oauth2(TestTokens.forged("operator"))
                .when().get("/api/v1/lead-units")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("detail", containsString("bearer token"));
        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .when().get("/api/v1/lead-units")
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(before, EchoBackendResource.HITS.get(), "no request may reach a service");
    }

    @Test
    void serviceDownIs503ProblemWithRetryAfter() {
        given().auth().oauth2(TestTokens.token("reviewer"))
                .when().get("/api/v1/eligibility/91350100M000100Y43")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("code", equalTo("service-unavailable")).body("detail", notNullValue());
    }

    @Test
    void bodiesAboveTheLimitAre413BeforeReachingAService() {
        int before = EchoBackendResource.HITS.get();
        given().auth().oauth2(TestTokens.partner("p1")).contentType(ContentType.JSON)
                .body("{\"text\":\"" + "x".repeat(2000) + "\"}")
                .when().post("/api/v1/tickets")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertEquals(before, EchoBackendResource.HITS.get());
    }

    @Test
    void securityHeadersOnEveryResponse() {
        for (String path : List.of("/api/v1/teams", "/q/health/live", "/api/v1/nothing-here")) {
            given().when().get(path).then()
                    .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                    .header("Server", nullValue());
        }
        given().header("X-Forwarded-Proto", "https").when().get("/api/v1/teams").then()
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void corsPreflightIsAnsweredAtTheGatewayForAllowedOriginsOnly() {
        given().header("Origin", "https://kczg.org.cn").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/tickets")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://kczg.org.cn")
                .header("Access-Control-Allow-Credentials", "true");
        int before = EchoBackendResource.HITS.get();
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/tickets")
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        assertEquals(before, EchoBackendResource.HITS.get());
    }

    @Test
    void slowServiceIs504Problem() {
        given().auth().oauth2(TestTokens.token("operator"))
                .when().get("/api/v1/tickets/slow")
                .then().statusCode(504).contentType("application/problem+json")
                .body("code", equalTo("gateway-timeout"));
    }

    @Test
    void unknownApiPathIs404Problem() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
