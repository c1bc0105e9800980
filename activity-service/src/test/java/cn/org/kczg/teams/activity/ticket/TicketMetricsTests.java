package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.activity.ticket.DemandHall.assign;
import static cn.org.kczg.teams.activity.ticket.DemandHall.push;
import static cn.org.kczg.teams.activity.ticket.DemandHall.ticket;
import static cn.org.kczg.teams.activity.ticket.DemandHall.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.testkit.PrometheusText;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demand hall in {@code /q/metrics}: open and overdue tickets (gauges read every 5 s), SLA breaches marked
 * (a counter). Other tests' tickets share the database, so each step asserts a change, with the clock held still.
 */
@QuarkusTest
class TicketMetricsTests {
    private static final String OPERATOR = TestTokens.token("operator");

    @Inject
    TicketMetrics metrics;
    @Inject
    TicketService service;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Open, overdue for a first response, overdue for resolution. */
    private static List<Double> gauges() {
        String metrics = scrape();
        return List.of(PrometheusText.value(metrics, "kczg_tickets_open"),
                PrometheusText.value(metrics, "kczg_tickets_overdue", "due", "first_response"),
                PrometheusText.value(metrics, "kczg_tickets_overdue", "due", "resolution"));
    }

    /** The gauges as they are now: read at once rather than waiting for the next scheduled read. */
    private List<Double> gaugesNow() {
        metrics.refresh();
        return gauges();
    }

    private static List<Double> plus(List<Double> base, int open, int firstResponse, int resolution) {
        return List.of(base.get(0) + open, base.get(1) + firstResponse, base.get(2) + resolution);
    }

    /** The scheduled read (every 5 s, nothing forced) shows {@code expected}. */
    private static void awaitGauges(List<Double> expected, String why) {
        Awaitility.await(why).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> gauges().equals(expected));
    }

    private static void post(String token, String id, String action, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.when().post("/api/v1/tickets/" + id + "/" + action).then().statusCode(200);
    }

    @Test
    void openAndOverdueTicketsAreGaugedByTheirDueTimes() {
        String handler = unique("h-metrics-");
        UUID teamId = DemandHall.team(unique("LU"), handler, List.of("TECH_TRANSFER"), "合肥市", List.of("量子"), "量子信息");
        String id = push(unique("feeder-"), ticket(unique("XQ-"), "量子", "合肥市", List.of("TECH_TRANSFER"), List.of()));
        DemandHall.awaitMatchable(id, teamId);
        String team = TestTokens.handler(handler, teamId.toString());

        // assigned on Friday 2036-06-13 15:00: first response due Tuesday 15:00, resolution Friday 06-27 15:00
        Instant friday = LocalDateTime.of(2036, 6, 13, 15, 0).atZone(SlaClock.BEIJING).toInstant();
        TestClock.set(friday);
        List<Double> before = gaugesNow();
        post(OPERATOR, id, "assign", assign(teamId, null));
        awaitGauges(plus(before, 1, 0, 0), "assigned: open, nothing overdue yet");

        TestClock.set(friday.plus(Duration.ofDays(4)).plusSeconds(1)); // Tuesday 15:00:01
        List<Double> firstResponseLate = gaugesNow();
        post(team, id, "accept", null);
        awaitGauges(plus(firstResponseLate, 0, -1, 0), "accepted: no longer waits for its first response");

        TestClock.set(friday.plus(Duration.ofDays(14)).plusSeconds(1)); // Friday 06-27 15:00:01
        List<Double> resolutionLate = gaugesNow();
        post(team, id, "request-info", Map.of("reason", "请补充测试数据"));
        awaitGauges(plus(resolutionLate, 0, 0, -1), "waiting on the demand side: its clock stopped");
        post(team, id, "resume", Map.of("reason", "已补充"));
        awaitGauges(resolutionLate, "resumed: overdue again");
        post(team, id, "answer", Map.of("text", "已提供方案"));
        awaitGauges(resolutionLate, "answered: still to be resolved");
        post(team, id, "resolve", null);
        awaitGauges(plus(resolutionLate, -1, 0, -1), "resolved: neither open nor overdue");
    }

    private static double breaches(String due) {
        return PrometheusText.value(scrape(), "kczg_ticket_sla_breaches_total", "due", due);
    }

    private static long marks(String kind) {
        return QuarkusTransaction.requiringNew().call(() -> TicketHistory.count("action = ?1 and reason = ?2",
                TicketChanged.OVERDUE, kind));
    }

    /**
     * Breaches counted less breaches in the tickets' histories, per due time. The counter counts since this instance
     * started, the histories since the database did, so only changes of this matter; read until two reads agree, as
     * the scheduled watch may be marking at the same moment.
     */
    private static List<Double> uncounted() {
        AtomicReference<List<Double>> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Double> now = List.of(marks("FIRST_RESPONSE") - breaches("first_response"),
                    marks("RESOLUTION") - breaches("resolution"));
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }

    @Test
    void eachSlaBreachMarkedIsCountedOnceUnderItsDueTime() {
        UUID teamId = DemandHall.team(unique("LU"), unique("h-"), List.of("TALENT_ECOSYSTEM"), "西安市", List.of("人才"),
                "人才服务");
        String id = push(unique("feeder-"), ticket(unique("XQ-"), "人才", "西安市", List.of("TALENT_ECOSYSTEM"), List.of()));
        DemandHall.awaitMatchable(id, teamId);
        Instant friday = LocalDateTime.of(2036, 9, 5, 15, 0).atZone(SlaClock.BEIJING).toInstant();
        TestClock.set(friday);
        post(OPERATOR, id, "assign", assign(teamId, null));

        // Tuesday 15:00:01: its first response is overdue, its resolution not yet
        TestClock.set(friday.plus(Duration.ofDays(4)).plusSeconds(1));
        List<Double> before = uncounted();
        double firstResponseBefore = breaches("first_response");
        QuarkusTransaction.requiringNew().run(() -> service.markOverdue(SlaWatch.SLICE));
        QuarkusTransaction.requiringNew().run(() -> service.markOverdue(SlaWatch.SLICE));
        assertEquals(List.of("FIRST_RESPONSE"), overdueMarks(id), "marked once, for its first response");
        assertEquals(before, uncounted(), "every breach marked meanwhile was counted, under its due time");
        assertTrue(breaches("first_response") >= firstResponseBefore + 1, "its breach was counted");

        // two weeks on: its resolution too
        TestClock.set(friday.plus(Duration.ofDays(14)).plusSeconds(1));
        double resolutionBefore = breaches("resolution");
        QuarkusTransaction.requiringNew().run(() -> service.markOverdue(SlaWatch.SLICE));
        QuarkusTransaction.requiringNew().run(() -> service.markOverdue(SlaWatch.SLICE));
        assertEquals(List.of("FIRST_RESPONSE", "RESOLUTION"), overdueMarks(id), "then once for its resolution");
        assertEquals(before, uncounted(), "every breach marked meanwhile was counted, under its due time");
        assertTrue(breaches("resolution") >= resolutionBefore + 1, "its breach was counted");
    }

    private static List<String> overdueMarks(String ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> TicketHistory.<TicketHistory>list(
                "ticketId = ?1 and action = ?2 order by id", UUID.fromString(ticketId), TicketChanged.OVERDUE).stream()
                .map(h -> h.reason).toList());
    }
}
