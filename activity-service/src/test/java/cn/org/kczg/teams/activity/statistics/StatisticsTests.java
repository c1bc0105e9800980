package cn.org.kczg.teams.activity.statistics;

import static cn.org.kczg.teams.activity.ticket.DemandHall.assign;
import static cn.org.kczg.teams.activity.ticket.DemandHall.push;
import static cn.org.kczg.teams.activity.ticket.DemandHall.ticket;
import static cn.org.kczg.teams.activity.ticket.DemandHall.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.activity.ticket.DemandHall;
import cn.org.kczg.teams.activity.ticket.SlaClock;
import cn.org.kczg.teams.activity.ticket.TicketService;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each test works in a region of its own, so other tests' tickets, activities and teams do not count. */
@QuarkusTest
class StatisticsTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String AUDITOR = TestTokens.token("auditor");
    private static final List<String> KINDS = List.of("tickets", "activities", "uploads", "volunteers", "teams");

    @Inject
    TicketService tickets;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private static JsonPath stats(String kind, Map<String, ?> query) {
        return given().auth().oauth2(OPERATOR).queryParams(query).when().get("/api/v1/statistics/" + kind).then()
                .statusCode(200).extract().jsonPath();
    }

    /** The count of the group with this key in a breakdown (0 when absent). */
    private static long count(JsonPath answer, String breakdown, String key) {
        List<Map<String, Object>> groups = answer.getList(breakdown);
        return groups.stream().filter(g -> key.equals(g.get("key"))).mapToLong(g -> ((Number) g.get("count")).longValue())
                .findFirst().orElse(0);
    }

    private static UUID team(String leadUnit, List<String> categories, String pilotCity) {
        UUID id = UUID.randomUUID();
        DemandHall.publish(new TeamActivated(id, UUID.randomUUID(), "“科创中国”统计测试" + id + "科技服务团", leadUnit, "单位",
                "NATIONAL_SOCIETY", 2026, "统计", categories, List.of(pilotCity), List.of(), List.of(), null,
                Instant.now()));
        return id;
    }

    @Test
    void ticketsAreCountedByStatusRegionCategoryAndOverdueTeamWithinTheYearInChina() {
        String region = unique("统计市");
        UUID teamId = DemandHall.team(unique("LU"), unique("h-"), List.of("TECH_TRANSFER"), region, List.of("装备"),
                "装备服务");
        String feeder = unique("stats-");
        // Monday 2037-03-02 10:00 in Beijing
        Instant monday = LocalDateTime.of(2037, 3, 2, 10, 0).atZone(SlaClock.BEIJING).toInstant();
        TestClock.set(monday);
        String assigned = push(feeder, ticket(unique("TJ-"), "装备", region, List.of("TECH_TRANSFER"), List.of()));
        push(feeder, ticket(unique("TJ-"), "装备", region, List.of("TECH_TRANSFER", "RD_SUPPORT"), List.of()));
        push(feeder, ticket(unique("TJ-"), "装备", region, List.of("RD_SUPPORT"), List.of()));
        DemandHall.awaitMatchable(assigned, teamId);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(assign(teamId, null))
                .when().post("/api/v1/tickets/" + assigned + "/assign").then().statusCode(200);
        // 2038-01-01 00:30 in Beijing is still 2037 in UTC: counted for 2038
        TestClock.set(LocalDateTime.of(2038, 1, 1, 0, 30).atZone(SlaClock.BEIJING).toInstant());
        push(feeder, ticket(unique("TJ-"), "装备", region, List.of("GROUP_STANDARDS"), List.of()));
        // four days on, the assigned ticket's first response is overdue
        TestClock.set(monday.plus(Duration.ofDays(4)).plusSeconds(1));
        QuarkusTransaction.requiringNew().run(() -> {
            while (tickets.markOverdue(200) > 0) {
                // until nothing is left to mark
            }
        });

        JsonPath s = stats("tickets", Map.of("year", 2037, "region", region));
        assertEquals(2037, s.getInt("year"));
        assertEquals(region, s.getString("filters.region"));
        assertEquals(3, s.getLong("total"));
        assertEquals(1, s.getLong("overdue"));
        assertEquals(2, count(s, "byStatus", "NEW"));
        assertEquals(1, count(s, "byStatus", "ASSIGNED"));
        assertEquals(10, s.getList("byStatus").size(), "every status, zero included");
        assertEquals("新建", s.getString("byStatus.find { it.key == 'NEW' }.label"));
        assertEquals(List.of(Map.of("key", region, "label", region, "count", 3)), s.getList("byRegion"));
        assertEquals(2, count(s, "byCategory", "TECH_TRANSFER"));
        assertEquals(2, count(s, "byCategory", "RD_SUPPORT"));
        assertEquals(0, count(s, "byCategory", "GROUP_STANDARDS"));
        assertEquals("技术转移与交易", s.getString("byCategory.find { it.key == 'TECH_TRANSFER' }.label"));
        assertEquals(List.of(teamId.toString()), s.getList("byOverdueTeam.key"));
        assertEquals(1, count(s, "byOverdueTeam", teamId.toString()));

        JsonPath rd = stats("tickets", Map.of("year", 2037, "region", region, "category", "RD_SUPPORT"));
        assertEquals(2, rd.getLong("total"));
        assertEquals("RD_SUPPORT", rd.getString("filters.category"));
        assertEquals(0, rd.getLong("overdue"));
        JsonPath next = stats("tickets", Map.of("year", 2038, "region", region));
        assertEquals(1, next.getLong("total"));
        assertEquals(1, count(next, "byCategory", "GROUP_STANDARDS"));
    }

    private static String activity(String leadUnit, UUID teamId, String category, String startDate, Map<String, Object> place,
            int participants) {
        Map<String, Object> report = Map.of("teamId", teamId.toString(), "category", category, "form", "TRAINING",
                "title", "统计测试活动", "startDate", startDate, "endDate", startDate, "place", place,
                "participants", participants, "enterprisesServed", 1, "feesCharged", Map.of("amount", 0));
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(TestTokens.leadUnit(leadUnit)).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/activities").then().extract().<String>path("id"), id -> id != null);
    }

    private static String participation(String sub, String activity, String hours) {
        return given().auth().oauth2(TestTokens.sign(TestTokens.builder("volunteer").subject(sub)))
                .contentType(ContentType.JSON)
                .body(Map.of("activityId", activity, "name", "李晓明", "role", "授课专家", "hours", hours))
                .when().post("/api/v1/participations").then().statusCode(201).extract().path("id");
    }

    @Test
    void activitiesAndVolunteerHoursAreCountedByCategoryCityAndMonth() {
        String city = unique("活动市");
        String leadUnit = unique("LU");
        UUID teamId = team(leadUnit, List.of("TECH_TRANSFER"), city);
        String transfer = activity(leadUnit, teamId, "TECH_TRANSFER", "2025-03-05", Map.of("city", city), 40);
        String talent = activity(leadUnit, teamId, "TALENT_ECOSYSTEM", "2025-05-10", Map.of("city", city), 60);
        activity(leadUnit, teamId, "TECH_TRANSFER", "2025-05-11", Map.of("online", true), 500);
        activity(leadUnit, teamId, "TECH_TRANSFER", "2024-12-31", Map.of("city", city), 7);

        JsonPath a = stats("activities", Map.of("year", 2025, "region", city));
        assertEquals(2, a.getLong("total"));
        assertEquals(100, a.getLong("participants"));
        assertEquals(1, count(a, "byCategory", "TECH_TRANSFER"));
        assertEquals(1, count(a, "byCategory", "TALENT_ECOSYSTEM"));
        assertEquals(8, a.getList("byCategory").size());
        assertEquals(List.of(Map.of("key", city, "label", city, "count", 2)), a.getList("byRegion"));
        assertEquals(1, count(a, "byMonth", "3"));
        assertEquals(1, count(a, "byMonth", "5"));
        assertEquals(12, a.getList("byMonth").size());
        assertEquals("3月", a.getString("byMonth.find { it.key == '3' }.label"));
        assertEquals(1, stats("activities", Map.of("year", 2025, "region", city, "category", "TALENT_ECOSYSTEM"))
                .getLong("total"));
        assertEquals(1, stats("activities", Map.of("year", 2024, "region", city)).getLong("total"));

        String volunteer = unique("vol-");
        String confirmed = participation(volunteer, transfer, "8");
        participation(volunteer, talent, "3");
        participation(unique("vol-"), talent, "2.5");
        given().auth().oauth2(TestTokens.leadUnit(leadUnit)).when().post("/api/v1/participations/" + confirmed + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));

        JsonPath v = stats("volunteers", Map.of("year", 2025, "region", city));
        assertEquals(3, v.getLong("total"));
        assertEquals(1, v.getLong("volunteers"));
        assertEquals(0, v.getDouble("hours") - 8.0, 1e-9);
        assertEquals(1, count(v, "byStatus", "CONFIRMED"));
        assertEquals(2, count(v, "byStatus", "PENDING"));
        assertEquals(5.5, v.getDouble("byStatus.find { it.key == 'PENDING' }.hours"), 1e-9);
        assertEquals("待确认", v.getString("byStatus.find { it.key == 'PENDING' }.label"));
        assertEquals(1, count(v, "byCategory", "TECH_TRANSFER"));
        assertEquals(0, count(v, "byCategory", "TALENT_ECOSYSTEM"), "only confirmed hours count by category");
        assertEquals(List.of(city), v.getList("byRegion.key"));
        assertEquals(8.0, v.getDouble("byRegion[0].hours"), 1e-9);
        assertEquals(2, stats("volunteers", Map.of("year", 2025, "region", city, "category", "TALENT_ECOSYSTEM"))
                .getLong("total"));
    }

    private static int uploadStatus(String leadUnit, UUID teamId, String period) {
        File file;
        try {
            file = Files.write(Files.createTempDirectory("upload").resolve("进展.pdf"),
                    "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).toFile();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        file.deleteOnExit();
        return given().auth().oauth2(TestTokens.leadUnit(leadUnit)).multiPart("teamId", teamId.toString())
                .multiPart("kind", "PROGRESS").multiPart("period", period)
                .multiPart("title", "工作进展", "text/plain; charset=UTF-8")
                .multiPart("file", file, "application/octet-stream").when().post("/api/v1/uploads").statusCode();
    }

    @Test
    void uploadsCompletenessIsPerKindAndPeriodOverTheActiveTeamsOfTheRegion() {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("period", "QUARTERLY", "dueDay", 15))
                .when().put("/api/v1/upload-schedules/PROGRESS").then().statusCode(200);
        String city = unique("上传市");
        String uploader = unique("LU");
        UUID a = team(uploader, List.of("RD_SUPPORT"), city);
        team(unique("LU"), List.of("RD_SUPPORT"), city);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> uploadStatus(uploader, a, "2025-Q2") == 201);
        assertEquals(201, uploadStatus(uploader, a, "2025-Q2"), "a second version counts the team once");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> stats("uploads", Map.of("year", 2025, "region", city)).getLong("teams") == 2);

        JsonPath u = stats("uploads", Map.of("year", 2025, "region", city));
        List<Map<String, Object>> progress = u.getList("byPeriod.findAll { it.kind == 'PROGRESS' }");
        assertEquals(List.of("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"), progress.stream().map(p -> p.get("period")).toList());
        Map<String, Object> q2 = progress.get(1);
        assertEquals(2, ((Number) q2.get("expected")).intValue());
        assertEquals(1, ((Number) q2.get("uploaded")).intValue());
        assertEquals(0, ((Number) q2.get("onTime")).intValue(), "uploaded long after 2025-07-15");
        assertEquals(0.5, ((Number) q2.get("completeness")).doubleValue(), 1e-9);
        assertEquals("工作进展", q2.get("kindLabel"));
        assertEquals(0, ((Number) progress.get(0).get("uploaded")).intValue());
        assertEquals(0, stats("uploads", Map.of("year", 2025, "region", city, "category", "TECH_TRANSFER"))
                .getLong("teams"));
    }

    @Test
    void teamsAreCountedByStatusCategoryAndPilotCity() {
        String city = unique("团队市");
        team(unique("LU"), List.of("GROUP_STANDARDS"), city);
        team(unique("LU"), List.of("GROUP_STANDARDS", "TECH_TRANSFER"), city);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> stats("teams", Map.of("region", city)).getLong("total") == 2);
        JsonPath t = stats("teams", Map.of("region", city));
        assertEquals(2, count(t, "byStatus", "ACTIVE"));
        assertEquals("正常", t.getString("byStatus.find { it.key == 'ACTIVE' }.label"));
        assertEquals(2, count(t, "byCategory", "GROUP_STANDARDS"));
        assertEquals(1, count(t, "byCategory", "TECH_TRANSFER"));
        assertEquals(List.of(Map.of("key", city, "label", city, "count", 2)), t.getList("byRegion"));
        assertEquals(1, stats("teams", Map.of("region", city, "category", "TECH_TRANSFER")).getLong("total"));
    }

    @Test
    void theYearDefaultsToTheCurrentYearInChina() {
        // 2039-12-31 17:00 UTC is 2040-01-01 01:00 in Beijing
        TestClock.set(Instant.parse("2039-12-31T17:00:00Z"));
        for (String kind : KINDS) {
            assertEquals(2040, stats(kind, Map.of()).getInt("year"), kind);
        }
    }

    @Test
    void badFiltersAre400NamingTheField() {
        for (String kind : KINDS) {
            for (String year : List.of("abc", "1999", "2200", "99999999999999999999", "-2026", "2026.5", "２０２６")) {
                given().auth().oauth2(OPERATOR).queryParam("year", year).when().get("/api/v1/statistics/" + kind)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo("year"));
            }
            given().auth().oauth2(OPERATOR).queryParam("category", "NOT_A_CATEGORY").when()
                    .get("/api/v1/statistics/" + kind).then().statusCode(400).body("errors[0].field", equalTo("category"));
            given().auth().oauth2(OPERATOR).queryParam("region", "市".repeat(101)).when()
                    .get("/api/v1/statistics/" + kind).then().statusCode(400).body("errors[0].field", equalTo("region"));
            given().auth().oauth2(OPERATOR).queryParam("region", "苏州\u0000市").when()
                    .get("/api/v1/statistics/" + kind).then().statusCode(400);
            given().auth().oauth2(OPERATOR).header("Accept-Language", "en").queryParam("year", "1999").when()
                    .get("/api/v1/statistics/" + kind).then().statusCode(400)
                    .body("errors[0].message", equalTo("must be a four-digit year from 2000 to 2199"));
        }
    }

    @Test
    void onlyTheOperatorAndAuditorsReadStatistics() {
        for (String kind : KINDS) {
            given().auth().oauth2(AUDITOR).when().get("/api/v1/statistics/" + kind).then().statusCode(200);
            for (String role : List.of("lead-unit", "handler", "volunteer", "reviewer", "partner")) {
                given().auth().oauth2(TestTokens.token(role)).when().get("/api/v1/statistics/" + kind).then()
                        .statusCode(403);
            }
            given().when().get("/api/v1/statistics/" + kind).then().statusCode(401);
            given().auth().oauth2(TestTokens.forged("operator")).when().get("/api/v1/statistics/" + kind).then()
                    .statusCode(401);
        }
    }
}
