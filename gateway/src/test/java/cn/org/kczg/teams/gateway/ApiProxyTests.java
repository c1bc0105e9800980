package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.platform.problem.Problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.TestSm2Tokens;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EchoBackendResource.class)
@WithTestResource(JwtKeyResource.class)
class ApiProxyTests {

    @Test
    void swaggerUiServesTheMergedDocumentAndKeepsThePastedToken() {
        given().redirects().follow(false).when().get("/q/swagger-ui").then().statusCode(302)
                .header("Location", containsString("/q/swagger-ui/"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("swagger-ui-bundle.js")).body(containsString("kczg-init.js"));
        given().when().get("/q/swagger-ui/kczg-init.js").then().statusCode(200)
                .body(containsString("/q/openapi?format=json")).body(containsString("persistAuthorization: true"));
        given().when().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("SwaggerUIBundle"));
        given().when().get("/q/swagger-ui/no-such-file.js").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void routesTheCredentialsKeysAndStatusWithoutATokenAndTheHoursStatements() {
        for (String path : new String[] {"/api/v1/public/credentials/keys", "/api/v1/public/credentials/status"}) {
            given().when().get(path).then().statusCode(200).body("uri", equalTo(path));
        }
        given().auth().oauth2(TestTokens.token("volunteer")).when().get("/api/v1/volunteers/me/hours.pdf")
                .then().statusCode(200).body("uri", equalTo("/api/v1/volunteers/me/hours.pdf"));
        given().auth().oauth2(TestTokens.token("volunteer")).when().get("/api/v1/certificates/c-1.pdf")
                .then().statusCode(200).body("uri", equalTo("/api/v1/certificates/c-1.pdf"));
    }

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

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    @Test
    void aBodyThatNeverArrivesIsA400AtOnceAndTheServiceStaysInRotation() throws Exception {
        long started = System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(9).toMillis());
            socket.getOutputStream().write(("GET /api/v1/lead-units HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.token("operator") + "\r\nContent-Length: 5\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // the gateway answers and closes the connection: read to its end
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("request-body-incomplete"), answer);
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(config.timeout()) < 0,
                "answered before the gateway's timeout would have made it a 504");
        given().auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/lead-units").then().statusCode(200);
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
                .body("detail", containsString("3 次请求")).header("Retry-After", notNullValue());
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

    /**
     * "evaluation" has an instance that hangs up on every request: a read it hangs up on goes to the other instance,
     * and the instance is set aside (its readiness probe fails too), so later requests, writes too, go to the other.
     * What a write that was hung up on gets (a 502 at once, never sent twice) shows where no other instance is left:
     * {@link #aWriteWhoseConnectionClosesAfterItWasSentIsA502AtOnceAndIsNotSentAgain}.
     */
    @Test
    void aReadThatAnInstanceHangsUpOnIsRetriedOnTheNextAndTheInstanceIsSetAside() {
        String token = TestTokens.token("operator");
        int hungUp = EchoBackendResource.HUNG_UP.get();
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(token).when().get("/api/v1/indicator-systems").then().statusCode(200)
                    .body("method", equalTo("GET"));
        }
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(token).contentType("application/json").body("{}")
                    .when().post("/api/v1/indicator-systems").then().statusCode(200).body("method", equalTo("POST"));
        }
        assertTrue(EchoBackendResource.HUNG_UP.get() - hungUp <= 1,
                "the instance that hung up got more requests: " + (EchoBackendResource.HUNG_UP.get() - hungUp));
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

    /**
     * An instance that stops with a write in flight: it read the whole request, then its connection closed (or was
     * reset) without an answer. The service may have acted on it, so it is not sent again — but the client learns at
     * once, with a 502 problem. Over HTTP/1.1 and over HTTP/2 (what java.net.http clients upgrade to by default:
     * vertx-http-proxy's release() of a request already read throws there, and the answer was never sent).
     */
    @Test
    void aWriteWhoseConnectionClosesAfterItWasSentIsA502AtOnceAndIsNotSentAgain() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpClient http = edgeClient(version);
            for (String service : List.of("dropping", "resetting")) {
                for (int i = 0; i < 3; i++) {
                    String path = "/api/v1/" + service + "/" + UUID.randomUUID();
                    long start = System.nanoTime();
                    HttpRequest push = edgeRequest(path)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"projectName\":\"排空测试需求\"}")).build();
                    HttpResponse<String> response = http.send(push, HttpResponse.BodyHandlers.ofString());
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    String what = version + " " + service;
                    assertEquals(version, response.version(), what);
                    assertEquals(502, response.statusCode(), what + ": " + response.body());
                    assertEquals(Problem.MEDIA_TYPE,
                            response.headers().firstValue("Content-Type").orElse(null), what);
                    assertEquals("bad-gateway", new JsonObject(response.body()).getString("code"), what);
                    assertTrue(millis < 2000, what + " answered after " + millis + " ms");
                    Awaitility.await(what + " reached the service once").during(Duration.ofMillis(300))
                            .atMost(Duration.ofSeconds(2))
                            .until(() -> EchoBackendResource.HITS_BY_REQUEST.get("POST " + path).get() == 1);
                }
            }
        }
    }

    /** The gateway's other problems reach an HTTP/2 client too: a service down (503), a slow one (504). */
    @Test
    void everyProblemOfTheGatewayReachesHttp2ClientsWithAndWithoutABody() throws Exception {
        HttpClient http = edgeClient(HttpClient.Version.HTTP_2);
        for (boolean withBody : new boolean[] {false, true}) {
            HttpResponse<String> down = http.send(edgeRequest("/api/v1/eligibility/91350100M000100Y43")
                    .method(withBody ? "POST" : "GET", withBody ? HttpRequest.BodyPublishers.ofString("{}")
                            : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, down.version());
            assertEquals(503, down.statusCode(), down.body());
            assertEquals("5", down.headers().firstValue("Retry-After").orElse(null));
            HttpResponse<String> slow = http.send(edgeRequest("/api/v1/tickets/slow")
                    .method(withBody ? "POST" : "GET", withBody ? HttpRequest.BodyPublishers.ofString("{}")
                            : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(504, slow.statusCode(), slow.body());
            assertEquals("gateway-timeout", new JsonObject(slow.body()).getString("code"));
        }
        // a token the gateway has not seen yet is checked off the event loop, the request paused meanwhile
        String unseen = TestTokens.sign(TestTokens.builder("operator").subject("h2-" + UUID.randomUUID()));
        HttpResponse<String> echoed = http.send(edgeRequest("/api/v1/teams")
                .setHeader("Authorization", "Bearer " + unseen)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"科技服务团\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, echoed.statusCode(), echoed.body());
        assertEquals("{\"name\":\"科技服务团\"}", new JsonObject(echoed.body()).getString("body"));
    }

    /**
     * An instance that answers {@code Connection: close} is stopping (Quarkus after SIGTERM, while it still serves):
     * the gateway sends new requests to the other instances, and to it again once its readiness is 200.
     */
    @Test
    void anInstanceThatAnswersConnectionCloseGetsNoNewRequestsUntilItIsReadyAgain() {
        String token = TestTokens.partner("p1");
        AtomicInteger hits = EchoBackendResource.STOPPING_HITS;
        try {
            for (int i = 0; i < 4; i++) {
                given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when()
                        .post("/api/v1/stopping").then().statusCode(200);
            }
            EchoBackendResource.STOPPING.set(true);
            int before = hits.get();
            for (int i = 0; i < 3; i++) { // round-robin: one of them reaches the stopping instance
                given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when()
                        .post("/api/v1/stopping").then().statusCode(200).header("Connection", nullValue());
            }
            int stopping = hits.get();
            assertTrue(stopping - before >= 1, "the stopping instance answered once more");
            for (int i = 0; i < 20; i++) {
                given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when()
                        .post("/api/v1/stopping").then().statusCode(200);
            }
            assertEquals(stopping, hits.get(), "a stopping instance got new requests");
        } finally {
            EchoBackendResource.STOPPING.set(false);
        }
        Awaitility.await("the instance is back in rotation").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            int now = hits.get();
            for (int i = 0; i < 4; i++) {
                given().auth().oauth2(token).when().get("/api/v1/stopping").then().statusCode(200);
            }
            assertTrue(hits.get() > now);
        });
    }

    /**
     * A body of unknown length (chunked) reaches the service whole over every way a client may speak: HTTP/1.1, an h2c
     * upgrade that carries the body itself (java.net.http's first request), and an HTTP/2 connection already agreed.
     */
    @Test
    void aChunkedBodyReachesTheServiceOverHttp1AnH2cUpgradeAndHttp2() throws Exception {
        String body = "{\"name\":\"科技服务团\",\"text\":\"" + "需求".repeat(3000) + "\"}";
        HttpClient upgrading = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (HttpClient http : new HttpClient[] {HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                upgrading, upgrading}) {
            HttpResponse<String> echoed = http.send(edgeRequest("/api/v1/teams").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                            new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, echoed.statusCode(), echoed.body());
            assertEquals(body, new JsonObject(echoed.body()).getString("body"), "over " + echoed.version());
        }
    }

    /** A java.net.http client as partners use it; HTTP/2 is agreed by an upgrade on a first, bodiless request. */
    private static HttpClient edgeClient(HttpClient.Version version) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(version).build();
        HttpResponse<String> first = http.send(edgeRequest("/api/v1/teams").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(version, first.version(), "the connection to the gateway speaks " + version);
        return http;
    }

    private static HttpRequest.Builder edgeRequest(String path) {
        return HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + TestTokens.partner("p1"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @Test
    void theGatewaysMetricsAreOnTheManagementPortOnlyAndLabelTheApiWithoutIds() {
        given().auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/lead-units/91350100M000100Y43")
                .then().statusCode(200);
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(org.hamcrest.Matchers.not(containsString("91350100M000100Y43")));
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/nothing")) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().when().get("/q/openapi").then().statusCode(200);
    }

    private static double rateLimited(String metrics, String group, String callerKind) {
        return cn.org.kczg.teams.testkit.PrometheusText.value(metrics, "kczg_gateway_rate_limited_total", "group", group,
                "caller_kind", callerKind);
    }

    /** Each 429 is counted under its path group and the kind of caller (the "tight" group: 3, partners 5, per hour). */
    @Test
    void rateLimitRejectionsAreCountedByPathGroupAndKindOfCallerNeverByCaller() {
        String before = given().when().get(metrics).then().statusCode(200).extract().asString();
        String subject = "rate-metric-" + UUID.randomUUID();
        String partnerId = "rate-metric-partner-" + UUID.randomUUID();
        String client = "198.51.100.77";
        String token = TestTokens.sign(TestTokens.builder("operator").subject(subject));
        String partner = TestTokens.partner(partnerId);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/calendar/holidays").then().statusCode(200);
            given().header("X-Forwarded-For", client).when().get("/api/v1/calendar/holidays").then().statusCode(200);
        }
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(partner).when().get("/api/v1/calendar/holidays").then().statusCode(200);
        }
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get("/api/v1/calendar/holidays").then().statusCode(429);
        }
        given().auth().oauth2(partner).when().get("/api/v1/calendar/holidays").then().statusCode(429);
        given().header("X-Forwarded-For", client).when().get("/api/v1/calendar/holidays").then().statusCode(429);
        // a bad token spends its client address's budget: an anonymous caller's rejection
        given().header("X-Forwarded-For", client).auth().oauth2("not.a.token").when().get("/api/v1/calendar/holidays")
                .then().statusCode(429);
        // within its budget in another group: nothing counted
        given().auth().oauth2(token).when().get("/api/v1/teams").then().statusCode(200);

        String after = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertEquals(rateLimited(before, "tight", "token") + 2, rateLimited(after, "tight", "token"));
        assertEquals(rateLimited(before, "tight", "partner") + 1, rateLimited(after, "tight", "partner"));
        assertEquals(rateLimited(before, "tight", "anonymous") + 2, rateLimited(after, "tight", "anonymous"));
        for (String kind : List.of("anonymous", "token", "partner")) {
            assertEquals(rateLimited(before, "default", kind), rateLimited(after, "default", kind), kind);
        }
        for (String caller : List.of(subject, partnerId, client)) {
            assertTrue(!after.contains(caller), "the metrics name no caller: " + caller);
        }
    }

    @Test
    void behindATrustedProxyEachClientHasItsOwnBudgetAndBadTokensSpendIt() {
        for (String client : List.of("198.51.100.7", "198.51.100.8")) {
            for (int i = 0; i < 3; i++) {
                // a hop the client wrote itself (left of the proxy's) changes nothing
                given().header("X-Forwarded-For", "203.0.113." + i + ", " + client).when()
                        .get("/api/v1/calendar/holidays").then().statusCode(200);
            }
            given().header("X-Forwarded-For", client).when().get("/api/v1/calendar/holidays").then().statusCode(429);
        }
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100.9").auth().oauth2("not.a.token").when()
                    .get("/api/v1/calendar/holidays").then().statusCode(401);
        }
        given().header("X-Forwarded-For", "198.51.100.9").auth().oauth2("not.a.token").when()
                .get("/api/v1/calendar/holidays").then().statusCode(429).contentType("application/problem+json");
    }

    @Test
    void anOverlongRequestLineIsA414Problem() {
        given().auth().oauth2(TestTokens.token("operator")).queryParam("q", "长".repeat(1_000)) // 9,000 characters encoded
                .when().get("/api/v1/lead-units").then().statusCode(414).contentType("application/problem+json");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedAtTheEdge() {
        long now = System.currentTimeMillis() / 1000;
        String future = TestTokens.sign(TestTokens.builder("operator").issuedAt(now + 3600).expiresAt(now + 7200));
        given().auth().oauth2(future).when().get("/api/v1/lead-units").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anonymousRequestsPassToTheServiceWhichDecides() {
        given().when().get("/api/v1/teams").then().statusCode(200).body("authorization", equalTo(null));
    }

    @Test
    void theServicesAreToldTheClientAsTheTrustedProxySawIt() {
        // the test is the trusted proxy: the right-most hop is the client; what the client wrote further left goes
        given().header("X-Forwarded-For", "6.6.6.6, 203.0.113.9").when().get("/api/v1/teams")
                .then().statusCode(200).body("forwardedFor", equalTo("203.0.113.9"));
        given().when().get("/api/v1/teams").then().statusCode(200).body("forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void badTokenIs401BeforeReachingAService() {
        int before = EchoBackendResource.HITS.get();
        given().auth().oauth2(TestTokens.forged("operator"))
                .when().get("/api/v1/lead-units")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("title", equalTo("未认证"))
                .body("detail", containsString("Bearer 令牌"));
        given().auth().oauth2(TestTokens.forged("operator")).header("Accept-Language", "en-US,en;q=0.9")
                .when().get("/api/v1/lead-units")
                .then().statusCode(401).body("code", equalTo("unauthorized")).body("title", equalTo("Unauthorized"))
                .body("detail", containsString("bearer token"));
        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .when().get("/api/v1/lead-units")
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(before, EchoBackendResource.HITS.get(), "no request may reach a service");
    }

    @Test
    void anSm2SignedTokenPassesATamperedOneIs401AndRs256StillPasses() {
        String sm2 = TestSm2Tokens.token("operator");
        given().auth().oauth2(sm2).when().get("/api/v1/lead-units").then().statusCode(200)
                .body("authorization", equalTo("Bearer " + sm2));
        int before = EchoBackendResource.HITS.get();
        given().auth().oauth2(TestSm2Tokens.tampered("volunteer", "operator")).when().get("/api/v1/lead-units")
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(before, EchoBackendResource.HITS.get(), "a tampered token may not reach a service");
        given().auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/lead-units").then().statusCode(200);
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
        for (String path : List.of("/api/v1/teams", "/q/openapi", "/api/v1/nothing-here")) {
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
