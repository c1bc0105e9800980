package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.e2e.SuiteKafka.TopicWatcher;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Two instances of every service on one PostgreSQL and one Kafka ({@code KCZG_INSTANCES=2}), driven through the
 * gateway: events are published once, consumers of a service split the partitions and a redelivered event has
 * no second effect, the watches of both activity-service instances announce each breach once, and the gateway
 * spreads requests over both instances and loses none but those in flight when one stops.
 */
@Order(1) // its own suite, started and stopped before the shared one starts
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutFlowTest {
    private static final String SERVED_BY = "X-Served-By";
    private static final String LEAD_UNIT = "51100000500000302E";
    private static final int CLIENTS = 8;

    private static LaunchedSuite suite;
    private static String operator;
    private static String reviewer;
    private static String leadUnit;
    private static String applicationId;

    @BeforeAll
    static void startTwoOfEverything() {
        suite = LaunchedSuite.start(Map.of(
                "KCZG_INSTANCES", "2",
                // every assigned ticket is due at once, and both activity-service instances look every second
                "KCZG_SLA_FIRST_RESPONSE_DAYS", "0",
                "KCZG_SLA_RESOLUTION_DAYS", "0",
                "KCZG_SLA_CHECK_EVERY", "1s",
                "KCZG_UPLOADS_CHECK_EVERY", "1s",
                // the load below counts every failed request; the per-caller limits are tested elsewhere
                "KCZG_GATEWAY_RATE_LIMITS_ENABLED", "false"));
        RestAssured.baseURI = suite.gatewayUrl;
        operator = suite.token("operator");
        reviewer = suite.token("reviewer", "--sub", "reviewer-scale-out");
        leadUnit = suite.token("lead-unit", "--org", LEAD_UNIT);
        TeamApplicationFlowTest.openWindow(operator);
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void theGatewaySpreadsEveryServicesRequestsOverBothInstances() {
        for (String path : List.of("/api/v1/lead-units", "/api/v1/reviews", "/api/v1/tickets",
                "/api/v1/indicator-systems")) {
            Set<String> servedBy = new TreeSet<>();
            for (int i = 0; i < 10; i++) {
                servedBy.add(given().auth().oauth2(operator).when().get(path).then().statusCode(200)
                        .extract().header(SERVED_BY));
            }
            assertEquals(2, servedBy.size(), path + " was served by " + servedBy);
        }
    }

    @Test
    @Order(2)
    void everyEventIsPublishedOnceAndEachServicesInstancesSplitThePartitions() throws Exception {
        List<String> codes = IntStream.range(0, 24).mapToObj(i -> TestCreditCodes.fresh("5110")).toList();
        Set<String> servedBy = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String code : codes) {
                done.add(pool.submit(() -> servedBy.add(given().auth().oauth2(operator).contentType(ContentType.JSON)
                        .body(leadUnit(code, "扩容测试单位" + code.substring(12))).when().post("/api/v1/lead-units")
                        .then().statusCode(201).extract().header(SERVED_BY))));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(2, servedBy.size(), "registrations were served by " + servedBy);
        // a later event: both outbox relays work in outbox order, so any second copy would come before it
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON).body(leadUnit(LEAD_UNIT, "中国电子学会"))
                .when().post("/api/v1/lead-units").then().statusCode(201);

        try (TopicWatcher registrations = suite.kafka().watch(Topics.REGISTRATION)) {
            List<EventEnvelope> registered = Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> registrations.events("lead-unit.registered", e -> true),
                            events -> events.stream().anyMatch(e -> LEAD_UNIT.equals(creditCode(e))));
            Map<String, Long> perCode = registered.stream().filter(e -> codes.contains(creditCode(e)))
                    .collect(Collectors.groupingBy(ScaleOutFlowTest::creditCode, Collectors.counting()));
            assertEquals(codes.size(), perCode.size(), "lead units without their event: " + perCode);
            assertTrue(perCode.values().stream().allMatch(n -> n == 1), "lead units published twice: " + perCode);
            assertTrue(TopicWatcher.copies(registered).values().stream().allMatch(n -> n == 1),
                    "an event id was published twice");
        }

        int partitions = suite.kafka().partitions(Topics.REGISTRATION);
        assertTrue(partitions >= 2, "registration.events has " + partitions + " partition(s)");
        for (String group : List.of("review-service", "activity-service", "evaluation-service")) {
            List<List<Integer>> owned = Awaitility.await(group + " shares " + Topics.REGISTRATION)
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> suite.kafka().assignments(group, Topics.REGISTRATION), members -> members.size() == 2);
            List<Integer> all = owned.stream().flatMap(List::stream).sorted().toList();
            assertEquals(IntStream.range(0, partitions).boxed().toList(), all,
                    group + "'s instances hold " + owned + ": each partition exactly once");
        }
    }

    @Test
    @Order(3)
    void aRedeliveredEventHasNoSecondEffectWhicheverInstanceGetsIt() {
        applicationId = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”集成电路扩容验证科技服务团");
        String caseId = TeamApplicationFlowTest.claimedCase(reviewer, applicationId);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("reason", "请补充近三年服务企业名单"))
                .when().post("/api/v1/reviews/" + caseId + "/request-changes").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                .when().get("/api/v1/applications/" + applicationId).then().body("status", equalTo("CHANGES_REQUESTED")));

        // the submission arrives again, on every partition, so both review-service instances get a copy
        EventEnvelope submitted;
        try (TopicWatcher registrations = suite.kafka().watch(Topics.REGISTRATION)) {
            submitted = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> registrations.events("application.submitted",
                            e -> applicationId.equals(e.payload().path("applicationId").asText())), l -> !l.isEmpty())
                    .get(0);
        }
        for (int p = 0; p < suite.kafka().partitions(Topics.REGISTRATION); p++) {
            KafkaTestClient.produce(suite.kafkaBootstrap(),
                    new ProducerRecord<>(Topics.REGISTRATION, p, submitted.aggregateId(), EventJson.write(submitted)));
        }
        Awaitility.await("review-service consumed the copies").atMost(Duration.ofSeconds(60))
                .until(() -> suite.kafka().caughtUp("review-service", Topics.REGISTRATION));

        // a second effect would have reopened the case for review
        given().auth().oauth2(reviewer).when().get("/api/v1/reviews/" + caseId).then().statusCode(200)
                .body("status", equalTo("CHANGES_REQUESTED"));
        given().auth().oauth2(reviewer).queryParam("applicationId", applicationId).when().get("/api/v1/reviews")
                .then().body("total", equalTo(1));
        if (suite.kafka().exists(Topics.deadLetter(Topics.REGISTRATION))) {
            try (TopicWatcher dead = suite.kafka().watch(Topics.deadLetter(Topics.REGISTRATION))) {
                assertTrue(dead.events().stream().noneMatch(e -> e.eventId().equals(submitted.eventId())),
                        "a copy went to the dead-letter topic");
            }
        }
    }

    @Test
    @Order(4)
    void bothInstancesWatchDueTimesAndEachBreachIsAnnouncedOnce() {
        given().auth().oauth2(leadUnit).when().post("/api/v1/applications/" + applicationId + "/submit")
                .then().statusCode(200);
        TeamApplicationFlowTest.approveAndAwaitTeam(reviewer, leadUnit, applicationId);
        String teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + applicationId)
                .then().extract().path("teamId");

        // uploads: the quarterly progress report, due on the 1st after each quarter — the team has none
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("period", "QUARTERLY", "dueDay", 1))
                .when().put("/api/v1/upload-schedules/PROGRESS").then().statusCode(200);
        // tickets: due at assignment (0 working days); on a weekend today is made a working day (调休)
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
            given().auth().oauth2(operator).contentType(ContentType.JSON)
                    .body(Map.of("name", "调休上班", "working", true))
                    .when().put("/api/v1/calendar/holidays/" + today).then().statusCode(200);
        }
        String partner = suite.token("partner", "--partner", "kczg-scale-out");
        String ticket = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("projectName", "晶圆检测设备国产化", "industryField", "集成电路",
                        "technicalProblems", "缺陷检测算法的产线验证", "region", "无锡市",
                        "demandSide", Map.of("name", "无锡某半导体有限公司"), "externalId", "XQ-SCALE-1",
                        "categories", List.of("RD_SUPPORT"), "keywords", List.of("晶圆")))
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        Awaitility.await("activity-service knows the team").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth().oauth2(operator).contentType(ContentType.JSON)
                        .body(Map.of("teamId", teamId, "reason", "扩容验证"))
                        .when().post("/api/v1/tickets/" + ticket + "/assign").then().statusCode(200));

        try (TopicWatcher activity = suite.kafka().watch(Topics.ACTIVITY)) {
            Awaitility.await("both breaches and the missed uploads are announced").atMost(Duration.ofSeconds(90))
                    .until(() -> ticketOverdue(activity, ticket).size() >= 2 && !uploadOverdue(activity, teamId).isEmpty());
            // ten more rounds of both watches: nothing is announced again
            Awaitility.await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() -> {
                List<EventEnvelope> tickets = ticketOverdue(activity, ticket);
                List<EventEnvelope> uploads = uploadOverdue(activity, teamId);
                return tickets.size() == 2 && distinct(tickets, e -> e.payload().path("overdue").asText()) == 2
                        && distinct(uploads, e -> e.payload().path("period").asText()) == uploads.size();
            });
            assertEquals(Set.of("FIRST_RESPONSE", "RESOLUTION"), ticketOverdue(activity, ticket).stream()
                    .map(e -> e.payload().path("overdue").asText()).collect(Collectors.toSet()));
        }
        List<String> history = given().auth().oauth2(operator).when().get("/api/v1/tickets/" + ticket)
                .then().statusCode(200).extract().path("history.action");
        assertEquals(2, history.stream().filter("ticket.overdue"::equals).count(), "history: " + history);
    }

    @Test
    @Order(5)
    void theGatewayFailsOverWhenAnInstanceStopsUnderLoad() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest list = HttpRequest.newBuilder(URI.create(suite.gatewayUrl + "/api/v1/lead-units?size=5"))
                .header("Authorization", "Bearer " + operator).timeout(Duration.ofSeconds(30)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean stopped = new AtomicBoolean(false);
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        Map<String, Integer> servedBefore = new ConcurrentHashMap<>();
        Map<String, Integer> servedAfter = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> failuresAfterStop = java.util.Collections.synchronizedList(new ArrayList<>());

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    boolean sentAfterStop = stopped.get();
                    try {
                        HttpResponse<String> r = http.send(list, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            (sentAfterStop ? failuresAfterStop : failures).add(r.statusCode() + " " + r.body());
                            continue;
                        }
                        String by = r.headers().firstValue(SERVED_BY).orElse("?");
                        (sentAfterStop ? servedAfter : servedBefore).merge(by, 1, Integer::sum);
                        (sentAfterStop ? after : before).incrementAndGet();
                    } catch (Exception e) {
                        (sentAfterStop ? failuresAfterStop : failures).add(e.toString());
                    }
                }
                return null;
            });
        }
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> before.get() >= 300);
            suite.stopInstance("registration-service.2"); // SIGTERM, returns when the process is gone
            stopped.set(true);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> after.get() >= 300);
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }
        System.out.printf("failover: %d answered before the stop %s, %d after %s; failed while stopping: %d %s%n",
                before.get(), servedBefore, after.get(), servedAfter, failures.size(), failures);
        assertEquals(2, servedBefore.size(), "before the stop: " + servedBefore);
        assertEquals(1, servedAfter.size(), "after the stop: " + servedAfter);
        assertEquals(List.of(), failuresAfterStop, "requests sent after the instance was gone failed");
        assertTrue(failures.size() <= CLIENTS, "more requests failed than were in flight: " + failures);
    }

    @Test
    @Order(6)
    void anInstanceStoppedUnderAWriteLoadFinishesWhatItHasAndNoWriteFails() throws Exception {
        String partner = suite.token("partner", "--partner", "kczg-drain");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean stopped = new AtomicBoolean(false);
        AtomicInteger pushes = new AtomicInteger();
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        Map<String, Integer> servedBy = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    int n = pushes.incrementAndGet();
                    boolean sentAfterStop = stopped.get();
                    String body = "{\"projectName\":\"排空测试需求" + n + "\",\"industryField\":\"集成电路\","
                            + "\"technicalProblems\":\"封装测试\",\"region\":\"无锡市\","
                            + "\"demandSide\":{\"name\":\"无锡某公司\"},\"externalId\":\"DRAIN-" + n + "\","
                            + "\"categories\":[\"RD_SUPPORT\"]}";
                    HttpRequest push = HttpRequest.newBuilder(URI.create(suite.gatewayUrl + "/api/v1/tickets"))
                            .header("Authorization", "Bearer " + partner).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        HttpResponse<String> r = http.send(push, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            failures.add(r.statusCode() + " " + r.body());
                            continue;
                        }
                        servedBy.merge(r.headers().firstValue(SERVED_BY).orElse("?"), 1, Integer::sum);
                        (sentAfterStop ? after : before).incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
                return null;
            });
        }
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> before.get() >= 200);
            suite.stopInstance("activity-service.2"); // SIGTERM: it drains what it has, then stops
            stopped.set(true);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> after.get() >= 200);
        } finally {
            running.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }
        System.out.printf("drain: %d ticket pushes answered 201 before the stop, %d while and after it, served by %s; "
                + "failed: %d %s%n", before.get(), after.get(), servedBy, failures.size(), failures);
        assertEquals(2, servedBy.size(), "both instances took writes: " + servedBy);
        assertEquals(List.of(), failures, "a write failed while an instance stopped");
    }

    private static Map<String, Object> leadUnit(String code, String name) {
        return Map.of("creditCode", code, "name", name, "category", "NATIONAL_SOCIETY",
                "contact", Map.of("name", "刘洋", "phone", "010-68571234", "email", "liuyang@example.org.cn"));
    }

    private static String creditCode(EventEnvelope e) {
        return e.payload().path("creditCode").asText();
    }

    private static List<EventEnvelope> ticketOverdue(TopicWatcher activity, String ticket) {
        return activity.events("ticket.overdue", e -> ticket.equals(e.payload().path("ticketId").asText()));
    }

    private static List<EventEnvelope> uploadOverdue(TopicWatcher activity, String teamId) {
        return activity.events("upload.overdue", e -> teamId.equals(e.payload().path("teamId").asText()));
    }

    private static long distinct(List<EventEnvelope> events, java.util.function.Function<EventEnvelope, String> key) {
        return events.stream().map(key).distinct().count();
    }
}
