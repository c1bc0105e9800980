package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.activity.ActivityReported;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fault drills on a suite of their own: real processes are killed, paused and restarted with the launcher
 * ({@code ./kczg stop kafka --kill}, {@code stop|start postgresql}, {@code pause|resume}, {@code kill -9} of an
 * instance) while the suite is under load, and nothing may be lost, applied twice or dead-lettered that could have
 * succeeded. Each drill prints its figures ({@code drill R…:}).
 */
@Order(2) // its own suite, after the scale-out proof and before the shared one starts
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsTest {
    private static final int YEAR = Year.now().getValue();
    private static final String LEAD_UNIT = TestCreditCodes.fresh("5110");

    private static LaunchedSuite suite;
    private static String operator;
    private static String partner;
    private static String leadUnit;
    private static String teamId;

    @BeforeAll
    static void startASuiteToBreak() {
        suite = LaunchedSuite.start(Map.of("KCZG_GATEWAY_RATE_LIMITS_ENABLED", "false"));
        RestAssured.baseURI = suite.gatewayUrl;
        operator = suite.token("operator");
        partner = suite.token("partner", "--partner", "drill-feeder");
        leadUnit = suite.token("lead-unit", "--org", LEAD_UNIT);
        String reviewer = suite.token("reviewer", "--sub", "reviewer-drills");
        TeamApplicationFlowTest.openWindow(operator);
        TeamApplicationFlowTest.register(leadUnit, LEAD_UNIT, "中国演练学会", "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”故障演练科技服务团");
        TeamApplicationFlowTest.approveAndAwaitTeam(reviewer, leadUnit, application);
        teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application)
                .then().extract().path("teamId");
        Awaitility.await("evaluation knows the team").atMost(Duration.ofSeconds(60)).until(() -> given()
                .auth().oauth2(operator).when().get("/api/v1/teams/" + teamId + "/metrics/" + YEAR).statusCode() == 200);
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void r4PoisonIsDeadLetteredWithItsReasonTheEventBehindItFlowsAndAReplayAppliesOnce() {
        String key = "drill-r4-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        Map<String, String> poisons = Map.of(
                "not an event envelope", "{not json " + marker,
                "unknown event type 'lead-unit.teleported'", envelopeJson(UUID.randomUUID(), "lead-unit.teleported",
                        "{\"creditCode\":\"" + marker + "\"}"),
                "is not readable", envelopeJson(UUID.randomUUID(), LeadUnitRegistered.TYPE,
                        "{\"creditCode\":[1,2],\"name\":\"" + marker + "\",\"category\":\"OTHER\"}"));
        List<String> behind = new ArrayList<>();
        long start = System.nanoTime();
        for (String poison : poisons.values()) {
            KafkaTestClient.produce(suite.kafkaBootstrap(), new ProducerRecord<>(Topics.REGISTRATION, key, poison));
            String code = TestCreditCodes.fresh("5110");
            behind.add(code);
            KafkaTestClient.produce(suite.kafkaBootstrap(), new ProducerRecord<>(Topics.REGISTRATION, key,
                    EventJson.write(EventJson.envelope(new LeadUnitRegistered(code, "演练单位", "OTHER"), "drill",
                            "drill-r4", Instant.now()))));
        }
        for (String code : behind) {
            Awaitility.await("the event behind a poison is applied").atMost(Duration.ofSeconds(30))
                    .until(() -> given().auth().oauth2(operator).when().get("/api/v1/eligibility/" + code)
                            .statusCode() == 200);
        }
        double flowed = seconds(start);
        for (Map.Entry<String, String> poison : poisons.entrySet()) {
            Awaitility.await("dead letter: " + poison.getKey()).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Map<String, Object>> letters = deadLetters(Topics.REGISTRATION).stream()
                        .filter(l -> poison.getValue().equals(l.get("message"))).toList();
                assertTrue(!letters.isEmpty(), "not dead-lettered: " + poison.getValue());
                for (Map<String, Object> letter : letters) {
                    assertTrue(String.valueOf(letter.get("reason")).contains(poison.getKey()), letter.toString());
                    assertEquals(Topics.REGISTRATION, letter.get("topic"));
                    assertTrue(letter.get("partition") != null && letter.get("offset") != null, letter.toString());
                }
            });
        }

        // a valid event dead-lettered by an earlier release: replayed after the fix, it counts once, however often
        int before = activities();
        UUID eventId = UUID.randomUUID();
        ActivityReported report = new ActivityReported(UUID.randomUUID(), UUID.fromString(teamId), LEAD_UNIT, YEAR,
                "TECH_DISSEMINATION", "CONFERENCE", "重放的活动" + marker.substring(0, 8), yesterday(), yesterday(),
                "苏州市", null, "OTHER_REGION", 30, 3, 0, 0, 0, 0, BigDecimal.ZERO);
        String message = EventJson.write(new cn.org.kczg.teams.events.EventEnvelope(eventId, ActivityReported.TYPE, 1,
                Instant.now(), "team", teamId, "activity-service", "drill-r4", EventJson.mapper().valueToTree(report)));
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.deadLetter(Topics.ACTIVITY), teamId, message);
        dead.headers().add("dead-letter-reason", "drill: failed in an earlier release".getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-topic", Topics.ACTIVITY.getBytes(StandardCharsets.UTF_8));
        KafkaTestClient.produce(suite.kafkaBootstrap(), dead);
        String id = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(Topics.ACTIVITY).stream()
                .filter(l -> message.equals(l.get("message"))).map(l -> (String) l.get("id")).findFirst().orElse(null),
                found -> found != null);
        for (int replay = 0; replay < 2; replay++) {
            given().auth().oauth2(operator).when().post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(200);
        }
        Awaitility.await("the replayed activity counts").atMost(Duration.ofSeconds(30)).until(() -> activities() == before + 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> suite.kafka().caughtUp("evaluation-service", Topics.ACTIVITY));
        assertEquals(before + 1, activities(), "two replays, one effect");
        System.out.printf("drill R4: 3 poison messages dead-lettered with their reasons; the events behind them "
                + "applied within %.1f s; a dead letter replayed twice counted once%n", flowed);
    }

    @Test
    @Order(2)
    void r6TwentyThousandMixedRequestsThroughTheGatewayAnswerNo502() throws Exception {
        int total = 20_000;
        String application = given().auth().oauth2(leadUnit).queryParam("size", 1).when().get("/api/v1/applications")
                .then().statusCode(200).extract().path("items[0].id");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger closeClients = new AtomicInteger();
        RawHttp raw = new RawHttp(suite.gatewayUrl);
        java.net.http.HttpClient keepAlive = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        runConcurrently(total, 8, i -> {
            Request r = mixed(i, application);
            int status;
            if (i % 2 == 0) {
                closeClients.incrementAndGet();
                status = raw.send(r.method(), r.path(), r.token(), r.body());
            } else {
                status = KeepAlive.send(keepAlive, suite.gatewayUrl, r);
            }
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        });
        double took = seconds(start);
        Map<Integer, Integer> seen = statuses.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        System.out.printf("drill R6: %d requests in %.1f s (%.0f/s), %d with Connection: close, statuses %s%n", total,
                took, total / took, closeClients.get(), new java.util.TreeMap<>(seen));
        assertEquals(0, seen.getOrDefault(502, 0), "502 answers: " + seen);
        assertTrue(seen.keySet().stream().noneMatch(s -> s >= 500), "5xx answers: " + seen);
        assertTrue(seen.keySet().containsAll(List.of(200, 201, 400, 401, 404, 409)), "the mix: " + seen);
    }

    @Test
    @Order(3)
    void r2AConsumerKilledMidBatchLosesNothingAndCountsNothingTwice() throws Exception {
        int reports = 150;
        int before = activities();
        AtomicInteger reported = new AtomicInteger();
        AtomicLong crashedAt = new AtomicLong();
        runConcurrently(reports, 4, i -> {
            given().auth().oauth2(leadUnit).contentType(ContentType.JSON).body(activity("故障演练活动 R2-" + i))
                    .when().post("/api/v1/activities").then().statusCode(201);
            if (reported.incrementAndGet() == reports / 3) {
                suite.kczg("stop", "evaluation-service", "--kill");
                crashedAt.set(System.nanoTime());
            }
        });
        long restart = System.nanoTime();
        suite.kczg("start", "evaluation-service");
        Awaitility.await("every activity counted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> activities() >= before + reports);
        double recovered = seconds(restart);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> suite.kafka().caughtUp("evaluation-service", Topics.ACTIVITY));
        assertEquals(before + reports, activities(), "each activity counted once");
        System.out.printf("drill R2: %d activities reported, evaluation-service killed (-9) after %d, restarted: "
                + "all counted once %.1f s after the restart (down %.1f s)%n", reports, reports / 3, recovered,
                (restart - crashedAt.get()) / 1e9);
    }

    @Test
    @Order(4)
    void r3ADatabaseRestartWithAConsumerBacklogLosesNothingAndRequestsMeanwhileGetA503() throws Exception {
        int count = 200;
        List<String> codes = IntStream.range(0, count).mapToObj(i -> TestCreditCodes.fresh("5110")).toList();
        suite.kczg("pause", "review-service");
        runConcurrently(count, 6, i -> given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("creditCode", codes.get(i), "name", "演练单位" + i, "category", "OTHER",
                        "contact", Map.of("name", "李华", "phone", "010-68595000", "email", "lihua@example.cn")))
                .when().post("/api/v1/lead-units").then().statusCode(201));
        suite.kczg("stop", "postgresql");
        long down = System.nanoTime();
        suite.kczg("resume", "review-service");
        List<Long> answers = new ArrayList<>();
        while (seconds(down) < 15) {
            long t = System.nanoTime();
            given().auth().oauth2(operator).when().get("/api/v1/lead-units").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
            answers.add((System.nanoTime() - t) / 1_000_000);
            t = System.nanoTime();
            given().auth().oauth2(operator).contentType(ContentType.JSON)
                    .body(Map.of("creditCode", TestCreditCodes.fresh("5110"), "name", "停机时的单位", "category", "OTHER",
                            "contact", Map.of("name", "李华", "phone", "010-68595000", "email", "lihua@example.cn")))
                    .when().post("/api/v1/lead-units").then().statusCode(503).contentType("application/problem+json");
            answers.add((System.nanoTime() - t) / 1_000_000);
        }
        suite.kczg("start", "postgresql");
        long up = System.nanoTime();
        java.util.Set<String> waiting = ConcurrentHashMap.newKeySet();
        waiting.addAll(codes);
        Awaitility.await("review knows all " + count).atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    waiting.removeIf(code -> given().auth().oauth2(operator).when().get("/api/v1/eligibility/" + code)
                            .statusCode() == 200);
                    return waiting.isEmpty();
                });
        double recovered = seconds(up);
        assertTrue(deadLetters(Topics.REGISTRATION).stream()
                .noneMatch(l -> codes.stream().anyMatch(c -> String.valueOf(l.get("message")).contains(c))),
                "nothing of the backlog was dead-lettered");
        long slowest = answers.stream().mapToLong(Long::longValue).max().orElse(0);
        assertTrue(slowest < 5_000, "a request during the outage took " + slowest + " ms");
        System.out.printf("drill R3: %d events held by a paused consumer, PostgreSQL down 15 s: %d requests meanwhile "
                + "answered 503 (slowest %d ms); all %d applied %.1f s after PostgreSQL was back, 0 dead letters%n",
                count, answers.size(), slowest, count, recovered);
    }

    @Test
    @Order(5)
    void r1ABrokerCrashUnderWritesLosesNoTicketAndNoEventTwice() throws Exception {
        int pushes = 5_000;
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> tickets = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService fault = Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicReference<Future<?>> outage = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            long start = System.nanoTime();
            runConcurrently(pushes, 8, i -> {
                String externalId = "R1-" + run + "-" + i;
                Map<String, Object> demand = Map.of("projectName", "演练需求" + i, "industryField", "智能制造",
                        "technicalProblems", "柔性装配", "region", "苏州市", "demandSide", Map.of("name", "苏州某公司"),
                        "externalId", externalId, "categories", List.of("TECH_TRANSFER"));
                while (true) {
                    var response = given().auth().oauth2(partner).contentType(ContentType.JSON).body(demand)
                            .when().post("/api/v1/tickets");
                    if (response.statusCode() == 503) {
                        retried.incrementAndGet();
                        continue;
                    }
                    assertTrue(response.statusCode() == 201 || response.statusCode() == 200,
                            externalId + " answered " + response.statusCode() + ": " + response.asString());
                    tickets.put(externalId, response.path("id"));
                    break;
                }
                if (answered.incrementAndGet() == pushes / 4) {
                    outage.set(fault.submit(() -> {
                        suite.kczg("stop", "kafka", "--kill");
                        // the outage lasts 20 s, whatever the pushes do meanwhile
                        Awaitility.await().pollDelay(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(21))
                                .until(() -> true);
                        suite.kczg("start", "kafka");
                    }));
                }
            });
            double pushed = seconds(start);
            outage.get().get(2, TimeUnit.MINUTES);
            long back = System.nanoTime();
            assertEquals(pushes, tickets.size());
            Map<String, Integer> created = Awaitility.await("every ticket's event reaches the operators' event list")
                    .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> createdEvents(run), seen -> seen.size() == pushes);
            double delivered = seconds(back);
            assertTrue(created.values().stream().allMatch(n -> n == 1), "a ticket's event listed twice");
            Awaitility.await("activity-service's outbox drained").atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    given().baseUri(suite.serviceUrl("activity")).when().get("/q/health/ready").then().statusCode(200)
                            .body("checks.find { it.name == 'outbox' }.data.backlog", equalTo(0)));
            System.out.printf("drill R1: %d tickets pushed in %.1f s, Kafka killed (-9) after %d and restarted 20 s "
                    + "later; 0 failed, %d answers 503 retried; every event listed once %.1f s after the broker was "
                    + "back%n", pushes, pushed, pushes / 4, retried.get(), delivered);
        } finally {
            fault.shutdownNow();
        }
    }

    @Test
    @Order(6)
    void r5ARelayKilledBetweenSendAndMarkPublishesAgainWithoutASecondEffect() throws Exception {
        int count = 30;
        int before = activities();
        String lockKey = "hashtext('activity.outbox_event')";
        try (Connection db = DriverManager.getConnection(suite.postgresUrl());
                Statement sql = db.createStatement();
                SuiteKafka.TopicWatcher topic = suite.kafka().watch(Topics.ACTIVITY)) {
            // the relay of activity-service cannot take its lock: the reports wait unsent in the outbox
            sql.execute("select pg_advisory_lock(" + lockKey + ")");
            List<String> titles = IntStream.range(0, count).mapToObj(i -> "故障演练活动 R5-" + i + "-" + UUID.randomUUID())
                    .toList();
            for (String title : titles) {
                given().auth().oauth2(leadUnit).contentType(ContentType.JSON).body(activity(title))
                        .when().post("/api/v1/activities").then().statusCode(201);
            }
            // now it may take them and send them, but marking them sent waits behind this share lock
            db.setAutoCommit(false);
            sql.execute("lock table activity.outbox_event in share mode");
            sql.execute("select pg_advisory_unlock(" + lockKey + ")");
            Awaitility.await("the relay sent the batch").atMost(Duration.ofSeconds(60)).until(() -> topic
                    .events(ActivityReported.TYPE, e -> titles.contains(e.payload().path("title").asText())).size() == count);
            suite.kczg("stop", "activity-service", "--kill");
            db.rollback();
            db.setAutoCommit(true);
            suite.kczg("start", "activity-service");
            List<cn.org.kczg.teams.events.EventEnvelope> copies = Awaitility.await("published again after the restart")
                    .atMost(Duration.ofSeconds(60)).until(() -> topic.events(ActivityReported.TYPE,
                            e -> titles.contains(e.payload().path("title").asText())), l -> l.size() == 2 * count);
            assertTrue(SuiteKafka.TopicWatcher.copies(copies).values().stream().allMatch(n -> n == 2),
                    "each event is on the topic twice");
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> suite.kafka().caughtUp("evaluation-service", Topics.ACTIVITY));
        assertEquals(before + count, activities(), "two copies of each event, one effect");
        System.out.printf("drill R5: activity-service killed (-9) after its relay sent %d events and before it marked "
                + "them: all %d published again after the restart (2 copies each on the topic), counted once%n",
                count, count);
    }

    // --- the drills' tools ---

    private static String envelopeJson(UUID eventId, String type, String payload) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"version\":1,\"occurredAt\":\""
                + Instant.now() + "\",\"aggregateType\":\"lead-unit\",\"aggregateId\":\"drill\",\"producer\":\"drill\","
                + "\"payload\":" + payload + "}";
    }

    private static List<Map<String, Object>> deadLetters(String topic) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = given().auth().oauth2(operator).queryParam("topic", topic).queryParam("size", 100)
                    .queryParam("page", page).when().get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            all.addAll(items);
            if (items.size() < 100) {
                return all;
            }
        }
    }

    /** The team's {@code activities} metric for this year, as evaluation-service counts it. */
    private static int activities() {
        Number value = given().auth().oauth2(operator).when().get("/api/v1/teams/" + teamId + "/metrics/" + YEAR)
                .then().statusCode(200).extract().path("metrics.find { it.metric == 'activities' }.value");
        return value == null ? 0 : value.intValue();
    }

    private static LocalDate yesterday() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
    }

    private static Map<String, Object> activity(String title) {
        return Map.of("teamId", teamId, "category", "TECH_DISSEMINATION", "form", "CONFERENCE", "title", title,
                "startDate", yesterday().toString(), "endDate", yesterday().toString(),
                "place", Map.of("city", "苏州市"), "participants", 20, "enterprisesServed", 2,
                "feesCharged", Map.of("amount", 0));
    }

    /** Ticket id → how often its {@code ticket.created} is in the gateway's event list, for this run's tickets. */
    private static Map<String, Integer> createdEvents(String run) {
        Map<String, Integer> seen = new HashMap<>();
        String since = null;
        while (true) {
            var request = given().auth().oauth2(operator).queryParam("type", "ticket.created").queryParam("size", 500);
            if (since != null) {
                request.queryParam("since", since);
            }
            JsonPath page = request.when().get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                @SuppressWarnings("unchecked")
                Map<String, Object> payload = (Map<String, Object>) ((Map<String, Object>) item.get("event")).get("payload");
                if (String.valueOf(payload.get("externalId")).startsWith("R1-" + run + "-")) {
                    seen.merge(String.valueOf(payload.get("ticketId")), 1, Integer::sum);
                }
            }
            if (items.isEmpty()) {
                return seen;
            }
            since = page.getString("next");
        }
    }

    /** {@code count} tasks over {@code threads} threads; the first failure fails the drill. */
    private static void runConcurrently(int count, int threads, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.accept(i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    record Request(String method, String path, String token, String body) {
    }

    /** One of the ordinary requests of the platform, round-robin, answering 200, 201, 400, 401, 404 or 409. */
    private static Request mixed(int i, String application) {
        return switch (i % 7) {
            case 0 -> new Request("GET", "/api/v1/lead-units?size=5", operator, null);
            case 1 -> new Request("GET", "/api/v1/tickets/" + UUID.randomUUID(), operator, null);
            case 2 -> new Request("GET", "/api/v1/lead-units", null, null);
            case 3 -> new Request("POST", "/api/v1/tickets", partner, "{\"projectName\":\"混合请求" + i + "\","
                    + "\"industryField\":\"智能制造\",\"technicalProblems\":\"柔性装配\",\"region\":\"苏州市\","
                    + "\"demandSide\":{\"name\":\"苏州某公司\"},\"externalId\":\"R6-" + (i / 7 % 500) + "\","
                    + "\"categories\":[\"TECH_TRANSFER\"]}");
            case 4 -> new Request("POST", "/api/v1/applications/" + application + "/submit", leadUnit, "");
            case 5 -> new Request("POST", "/api/v1/applications", leadUnit, "{\"name\":");
            default -> new Request("GET", "/api/v1/indicator-systems/" + YEAR, operator, null);
        };
    }

    /** A client like Python's urllib: a new connection per request, {@code Connection: close}, Content-Length 0. */
    static final class RawHttp {
        private final String host;
        private final int port;

        RawHttp(String baseUrl) {
            java.net.URI uri = java.net.URI.create(baseUrl);
            host = uri.getHost();
            port = uri.getPort();
        }

        int send(String method, String path, String token, String body) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n")
                    .append("User-Agent: Python-urllib/3.11\r\nAccept-Encoding: identity\r\nConnection: close\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            try (java.net.Socket socket = new java.net.Socket(host, port)) {
                socket.setSoTimeout(30_000);
                var out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                return Integer.parseInt(response.substring(9, 12));
            } catch (java.io.IOException | RuntimeException e) {
                throw new IllegalStateException(method + " " + path + " failed: " + e, e);
            }
        }
    }

    /** A keep-alive client: one pooled connection reused across requests. */
    static final class KeepAlive {
        static int send(java.net.http.HttpClient client, String baseUrl, Request r) {
            var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + r.path()))
                    .timeout(Duration.ofSeconds(30));
            if (r.token() != null) {
                builder.header("Authorization", "Bearer " + r.token());
            }
            if (r.body() != null) {
                builder.header("Content-Type", "application/json");
            }
            builder.method(r.method(), r.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(r.body()));
            try {
                return client.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(r.method() + " " + r.path() + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
