package cn.org.kczg.teams.evaluation.metric;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import cn.org.kczg.teams.evaluation.Events;
import cn.org.kczg.teams.evaluation.TeamWork;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.activity.ActivityReported;
import cn.org.kczg.teams.events.activity.CertificateChanged;
import cn.org.kczg.teams.events.activity.ComplaintDecided;
import cn.org.kczg.teams.events.activity.LibraryEntryChanged;
import cn.org.kczg.teams.events.activity.ParticipationChanged;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.activity.TicketRated;
import cn.org.kczg.teams.events.activity.UploadOverdue;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsFromEventsTests {
    private static final String AUDITOR = TestTokens.token("auditor");
    private static final Instant JUNE = Instant.parse("2026-06-01T02:00:00Z");

    private static JsonPath metrics(UUID teamId) {
        return given().auth().oauth2(AUDITOR).when().get("/api/v1/teams/" + teamId + "/metrics/2026").then()
                .statusCode(200).extract().jsonPath();
    }

    private static float value(JsonPath metrics, String code) {
        Object value = metrics.get("metrics.find { it.metric == '" + code + "' }.value");
        return value == null ? Float.NaN : ((Number) value).floatValue();
    }

    private static void awaitValue(UUID teamId, String code, float expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> value(metrics(teamId), code) == expected);
    }

    @Test
    void everyMetricIsComputedFromTheEventsThatMadeItAndRedeliveryChangesNothing() {
        String unit = Events.unique("LU-M");
        UUID team = Events.team(unit, "“科创中国”指标测试科技服务团", JUNE.minusSeconds(86_400 * 30));

        EventEnvelope suzhou = Events.activity(new ActivityReported(UUID.randomUUID(), team, unit, 2026,
                "TECH_TRANSFER", "CONFERENCE", "苏州技术对接会", LocalDate.parse("2026-05-10"),
                LocalDate.parse("2026-05-10"), "苏州市", null, "PILOT", 100, 10, 2, 1, 0, 5, BigDecimal.ZERO));
        Events.activity(new ActivityReported(UUID.randomUUID(), team, unit, 2026, "TECH_TRANSFER", "TRAINING",
                "无锡培训", LocalDate.parse("2026-05-12"), LocalDate.parse("2026-05-12"), "无锡市", null, "PILOT", 50, 5,
                0, 0, 1, 20, BigDecimal.ZERO));
        Events.activity(new ActivityReported(UUID.randomUUID(), team, unit, 2026, "RD_SUPPORT", "ONLINE", "线上讲座",
                LocalDate.parse("2026-05-20"), LocalDate.parse("2026-05-20"), null, null, "ONLINE", 300, 3, 0, 0, 0, 0,
                BigDecimal.ZERO));

        UUID onTime = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        Instant due = JUNE.plusSeconds(2 * 86_400);
        Instant resolutionDue = JUNE.plusSeconds(14 * 86_400);
        TeamWork.ticket(TicketChanged.ACCEPTED, onTime, team, JUNE, due, resolutionDue, null);
        TeamWork.ticket(TicketChanged.ANSWERED, onTime, team, JUNE.plusSeconds(86_400), due, resolutionDue, null);
        TeamWork.ticket(TicketChanged.RESOLVED, onTime, team, JUNE.plusSeconds(9 * 86_400), due, resolutionDue, null);
        TeamWork.ticket(TicketChanged.OVERDUE, late, team, due.plusSeconds(60), due, resolutionDue, "FIRST_RESPONSE");
        TeamWork.ticket(TicketChanged.ACCEPTED, late, team, due.plusSeconds(86_400), due, resolutionDue, null);
        TeamWork.ticket(TicketChanged.RESOLVED, late, team, resolutionDue.plusSeconds(86_400), due, resolutionDue,
                null);

        // the demand side rated both: 5 and 3 of 5, so 80 %; the same rating arriving twice counts once
        EventEnvelope rated = Events.activity(new TicketRated(onTime, "feeder", team, unit, 5,
                JUNE.plusSeconds(10 * 86_400)));
        Events.activity(new TicketRated(late, "feeder", team, unit, 3, resolutionDue.plusSeconds(2 * 86_400)));
        Events.send(Topics.ACTIVITY, rated);

        TeamWork.upload(team, "2026-Q1", true);
        TeamWork.upload(team, "2026-Q2", false);
        Events.activity(new UploadOverdue(team, "WORK_SUMMARY", "2026-Q3", LocalDate.parse("2026-10-15")));

        UUID entry = UUID.randomUUID();
        Events.activity(new LibraryEntryChanged(LibraryEntryChanged.CREATED, entry, team, "PROBLEM", "DRAFT", null, JUNE));
        Events.activity(new LibraryEntryChanged(LibraryEntryChanged.PUBLISHED, entry, team, "PROBLEM", "PUBLISHED", null,
                JUNE));
        UUID participation = UUID.randomUUID();
        Events.activity(new ParticipationChanged(ParticipationChanged.LOGGED, participation, team, null, "vol-1",
                new BigDecimal("12.5"), 2026, null));
        EventEnvelope confirmed = Events.activity(new ParticipationChanged(ParticipationChanged.CONFIRMED,
                participation, team, null, "vol-1", new BigDecimal("12.5"), 2026, null));
        UUID revoked = UUID.randomUUID();
        Events.activity(new CertificateChanged(CertificateChanged.ISSUED, UUID.randomUUID(), team, "PARTICIPATION",
                2026, null));
        Events.activity(new CertificateChanged(CertificateChanged.ISSUED, revoked, team, "PARTICIPATION", 2026, null));
        Events.activity(new CertificateChanged(CertificateChanged.REVOKED, revoked, team, "PARTICIPATION", 2026, "误发"));
        TeamWork.complaintUpheld(team, 2026);
        Events.activity(new ComplaintDecided(ComplaintDecided.DISMISSED, UUID.randomUUID(), team, "OTHER", 2026, "不属实"));
        TeamWork.feeViolation(team, 2026, "UPHELD");
        TeamWork.feeViolation(team, 2026, "DISMISSED");

        awaitValue(team, "fee-violations.upheld", 1);
        awaitValue(team, "tickets.resolution-on-time-rate", 50);
        awaitValue(team, "tickets.satisfaction-rate", 80);
        JsonPath m = metrics(team);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertMetric(m, "activities", 3),
                () -> assertMetric(m, "activities.pilot", 2),
                () -> assertMetric(m, "pilot-cities", 2),
                () -> assertMetric(m, "enterprises-served", 18),
                () -> assertMetric(m, "participants", 450),
                () -> assertMetric(m, "activities.category.TECH_TRANSFER", 2),
                () -> assertMetric(m, "activities.form.ONLINE", 1),
                () -> assertMetric(m, "outcomes.agreements", 2),
                () -> assertMetric(m, "outcomes.talents-trained", 25),
                () -> assertMetric(m, "tickets.resolved", 2),
                () -> assertMetric(m, "tickets.first-response-on-time-rate", 50),
                () -> assertMetric(m, "tickets.satisfaction-rate", 80),
                () -> assertMetric(m, "uploads.on-time-rate", 33.33f),
                () -> assertMetric(m, "library.published", 1),
                () -> assertMetric(m, "volunteer.hours", 12.5f),
                () -> assertMetric(m, "certificates.issued", 1),
                () -> assertMetric(m, "complaints.upheld", 1),
                () -> assertMetric(m, "fee-violations.upheld", 1));

        // drill-down: the events behind a value
        given().auth().oauth2(AUDITOR).when().get("/api/v1/teams/" + team + "/metrics/2026/enterprises-served")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.eventId", hasItem(suzhou.eventId().toString()))
                .body("items.find { it.eventId == '" + suzhou.eventId() + "' }.amount", equalTo(10));
        given().auth().oauth2(AUDITOR).when()
                .get("/api/v1/teams/" + team + "/metrics/2026/tickets.first-response-on-time-rate").then()
                .statusCode(200).body("total", equalTo(3))
                .body("items.fact", hasItems("tickets.first-responses", "tickets.first-responses.on-time"))
                .body("items.eventType", hasItems("ticket.overdue", "ticket.accepted"));

        // the same events again, then one new event behind them on the team's partition
        Events.send(Topics.ACTIVITY, suzhou);
        Events.send(Topics.ACTIVITY, confirmed);
        Events.activity(new LibraryEntryChanged(LibraryEntryChanged.PUBLISHED, UUID.randomUUID(), team, "PROJECT",
                "PUBLISHED", null, JUNE));
        awaitValue(team, "library.published", 2);
        JsonPath after = metrics(team);
        assertMetric(after, "activities", 3);
        assertMetric(after, "enterprises-served", 18);
        assertMetric(after, "volunteer.hours", 12.5f);
    }

    @Test
    void aRateWithNothingToCountIsNotApplicable() {
        UUID team = Events.team(Events.unique("LU-N"), "“科创中国”空白测试科技服务团", JUNE);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/teams/" + team + "/metrics/2026").then().statusCode(200)
                .body("metrics.find { it.metric == 'uploads.on-time-rate' }.value", nullValue())
                .body("metrics.find { it.metric == 'uploads.on-time-rate' }.applicable", equalTo(false))
                .body("metrics.find { it.metric == 'activities' }.value", equalTo(0));
    }

    @Test
    void aTeamsMetricsAreVisibleToItsOwnSideAndStaffOnly() {
        String unit = Events.unique("LU-V");
        UUID team = Events.team(unit, "“科创中国”可见性测试科技服务团", JUNE);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/teams/" + team + "/metrics/2026").then()
                .statusCode(200).body("teamId", equalTo(team.toString()));
        given().auth().oauth2(TestTokens.handler("h-1", team.toString())).when()
                .get("/api/v1/teams/" + team + "/metrics/2026").then().statusCode(200);
        given().auth().oauth2(TestTokens.leadUnit("LU-other")).when().get("/api/v1/teams/" + team + "/metrics/2026")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("volunteer")).when().get("/api/v1/teams/" + team + "/metrics/2026")
                .then().statusCode(403);
        given().when().get("/api/v1/teams/" + team + "/metrics/2026").then().statusCode(401);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/teams/" + team + "/metrics/2026/press-coverage").then()
                .statusCode(404).contentType("application/problem+json");
    }

    private static void assertMetric(JsonPath metrics, String code, float expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, value(metrics, code), 0.001, code);
    }
}
