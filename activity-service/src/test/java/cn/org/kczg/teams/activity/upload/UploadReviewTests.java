package cn.org.kczg.teams.activity.upload;

import static cn.org.kczg.teams.activity.upload.UploadTests.OPERATOR;
import static cn.org.kczg.teams.activity.upload.UploadTests.PDF;
import static cn.org.kczg.teams.activity.upload.UploadTests.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Art. 12, issue 21: staff accept or return uploads; completeness per team and period, and its export. */
@QuarkusTest
class UploadReviewTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000L);
    private static final String AUDITOR = TestTokens.token("auditor");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Inject
    AuditTrail audit;

    @BeforeEach
    void schedule() {
        UploadTests.progressIsQuarterly();
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
        UploadTests.progressIsQuarterly();
    }

    private static void at(int year, int month, int day) {
        TestClock.set(LocalDateTime.of(year, month, day, 10, 0).atZone(BEIJING).toInstant());
    }

    /** An active team of a lead unit of its own, named {@code name}; returns {leadUnit, teamId} once it is known. */
    private static String[] team(String name) {
        String leadUnit = "LUR" + SEQ.incrementAndGet();
        UUID id = UUID.randomUUID();
        var event = new TeamActivated(id, UUID.randomUUID(), name, leadUnit, "单位", "NATIONAL_SOCIETY", 2026, "测试",
                List.of(), List.of("苏州市"), List.of(), List.of(), null, Instant.now());
        var envelope = EventJson.envelope(event, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.leadUnit(leadUnit))
                .queryParam("teamId", id).when().get("/api/v1/uploads/usage").statusCode() == 200);
        return new String[] {leadUnit, id.toString()};
    }

    private static String[] team() {
        return team("“科创中国”审核测试" + SEQ.incrementAndGet() + "科技服务团");
    }

    private static ValidatableResponse uploaded(String[] t, String period) {
        return upload(t[0], t[1], period, "进展.pdf", PDF).when().post("/api/v1/uploads").then().statusCode(201);
    }

    private static ValidatableResponse review(String token, String id, String action, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/uploads/" + id + "/" + action).then();
    }

    @Test
    void staffAcceptOrReturnOnlyTheLatestVersionAndOnlyOnce() {
        String[] t = team();
        String v1 = uploaded(t, "2026-Q3").body("version", equalTo(1)).body("reviewStatus", equalTo("SUBMITTED"))
                .extract().path("id");

        review(AUDITOR, v1, "accept", Map.of()).statusCode(403);
        review(TestTokens.leadUnit(t[0]), v1, "return", Map.of("comment", "自己退回")).statusCode(403);
        review(OPERATOR, UUID.randomUUID().toString(), "accept", Map.of()).statusCode(404);
        review(OPERATOR, v1, "return", Map.of("comment", "  ")).statusCode(400).body("errors[0].field",
                equalTo("comment"));
        review(OPERATOR, v1, "return", Map.of()).statusCode(400).body("errors[0].field", equalTo("comment"));
        review(OPERATOR, v1, "accept", Map.of("comment", "x".repeat(2001))).statusCode(400)
                .body("errors[0].field", equalTo("comment"));

        review(OPERATOR, v1, "return", Map.of("comment", "缺少第三季度活动照片")).statusCode(200)
                .body("reviewStatus", equalTo("RETURNED")).body("reviewComment", equalTo("缺少第三季度活动照片"))
                .body("reviewedBy", equalTo("test-operator")).body("reviewedAt", notNullValue());
        review(OPERATOR, v1, "return", Map.of("comment", "再退一次")).statusCode(409)
                .body("code", equalTo("upload-reviewed"));
        review(OPERATOR, v1, "accept", Map.of()).statusCode(409).body("code", equalTo("upload-reviewed"));

        String v2 = uploaded(t, "2026-Q3").body("version", equalTo(2)).body("reviewStatus", equalTo("SUBMITTED"))
                .body("reviewComment", nullValue()).extract().path("id");
        String v3 = uploaded(t, "2026-Q3").body("version", equalTo(3)).extract().path("id");
        review(OPERATOR, v2, "accept", Map.of()).statusCode(409).body("code", equalTo("upload-superseded"));
        review(OPERATOR, v3, "accept", Map.of()).statusCode(200).body("reviewStatus", equalTo("ACCEPTED"))
                .body("reviewComment", nullValue());
        upload(t[0], t[1], "2026-Q3", "再交.pdf", PDF).when().post("/api/v1/uploads").then().statusCode(409)
                .body("code", equalTo("upload-accepted"));
        // versions count per kind and period
        uploaded(t, "2026-Q1").body("version", equalTo(1));

        given().auth().oauth2(TestTokens.leadUnit(t[0])).when().get("/api/v1/uploads/" + v1).then().statusCode(200)
                .body("reviewStatus", equalTo("RETURNED")).body("version", equalTo(1));
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> audit.of("upload", v1).stream()
                .map(e -> e.action).toList());
        assertTrue(actions.contains("upload.returned"), actions.toString());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> audit.of("upload", v3).stream()
                .anyMatch(e -> e.action.equals("upload.accepted"))));

        var records = KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(20), read -> read.stream()
                .anyMatch(r -> r.value().contains("upload.reviewed") && r.value().contains(v3)));
        var returned = records.stream().map(r -> EventJson.read(r.value()))
                .filter(e -> e.type().equals("upload.reviewed") && e.payload().get("uploadId").asText().equals(v1))
                .toList();
        assertEquals(1, returned.size());
        assertEquals("RETURNED", returned.get(0).payload().get("decision").asText());
        assertEquals("缺少第三季度活动照片", returned.get(0).payload().get("comment").asText());
        assertEquals(t[1], returned.get(0).aggregateId());
    }

    @Test
    void theLeadUnitIsToldOfAReturnAndOfAnAcceptance() {
        String[] t = team();
        String v1 = uploaded(t, "2026-Q3").extract().path("id");
        review(OPERATOR, v1, "return", Map.of("comment", "请补充活动照片")).statusCode(200);
        String v2 = uploaded(t, "2026-Q3").extract().path("id");
        review(OPERATOR, v2, "accept", Map.of("comment", "材料齐全")).statusCode(200);
        String lu = TestTokens.leadUnit(t[0]);
        for (String kind : List.of("upload.returned", "upload.accepted")) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(lu)
                    .queryParam("kind", kind).when().get("/api/v1/notifications").then().statusCode(200)
                    .body("items.link", hasItem("/teams/" + t[1] + "/uploads")));
        }
        String body = given().auth().oauth2(lu).queryParam("kind", "upload.returned").when()
                .get("/api/v1/notifications").then().extract().path("items[0].body");
        assertTrue(body.contains("请补充活动照片") && body.contains("2026-10-15") && body.contains("第 1 版"), body);
        given().auth().oauth2(TestTokens.leadUnit("LU-nobody")).queryParam("kind", "upload.returned").when()
                .get("/api/v1/notifications").then().statusCode(200)
                .body("items.link", org.hamcrest.Matchers.not(hasItem("/teams/" + t[1] + "/uploads")));
    }

    @Test
    void aNewVersionAfterAReturnIsDueByTheOriginalDate() {
        String[] onTime = team();
        at(2026, 10, 10);
        String v1 = uploaded(onTime, "2026-Q3").body("onTime", equalTo(true)).body("dueDate", equalTo("2026-10-15"))
                .extract().path("id");
        review(OPERATOR, v1, "return", Map.of("comment", "请修改")).statusCode(200);
        at(2026, 10, 14);
        String v2 = uploaded(onTime, "2026-Q3").body("onTime", equalTo(true)).body("dueDate", equalTo("2026-10-15"))
                .extract().path("id");
        review(OPERATOR, v2, "return", Map.of("comment", "仍需修改")).statusCode(200);
        // the operator moves the due day later: the returned upload's date holds all the same
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("period", "QUARTERLY", "dueDay", 25))
                .when().put("/api/v1/upload-schedules/PROGRESS").then().statusCode(200);
        at(2026, 10, 20);
        uploaded(onTime, "2026-Q3").body("version", equalTo(3)).body("onTime", equalTo(false))
                .body("dueDate", equalTo("2026-10-15"));

        String[] late = team();
        UploadTests.progressIsQuarterly();
        at(2026, 10, 16);
        String l1 = uploaded(late, "2026-Q3").body("onTime", equalTo(false)).extract().path("id");
        review(OPERATOR, l1, "return", Map.of("comment", "请修改")).statusCode(200);
        uploaded(late, "2026-Q3").body("version", equalTo(2)).body("onTime", equalTo(false))
                .body("dueDate", equalTo("2026-10-15"));
    }

    /** Q1 returned, Q2 submitted, Q3 accepted (on time), Q4 missing; the clock then in January 2027. */
    private String[] teamWithAYearOfUploads(String name) {
        String[] t = team(name);
        at(2026, 10, 10);
        String q3 = uploaded(t, "2026-Q3").extract().path("id");
        review(OPERATOR, q3, "accept", Map.of()).statusCode(200);
        at(2027, 1, 20);
        uploaded(t, "2026-Q2");
        String q1 = uploaded(t, "2026-Q1").extract().path("id");
        review(OPERATOR, q1, "return", Map.of("comment", "请修改")).statusCode(200);
        return t;
    }

    private static ValidatableResponse completeness(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get("/api/v1/uploads/completeness").then();
    }

    @Test
    void completenessHasARowPerTeamAndEndedPeriodWithTotals() {
        String[] t = teamWithAYearOfUploads("“科创中国”完整性测试" + SEQ.incrementAndGet() + "科技服务团");
        Map<String, Object> mine = Map.of("year", 2026, "kind", "PROGRESS", "teamId", t[1]);
        completeness(OPERATOR, mine).statusCode(200).body("total", equalTo(4))
                .body("items.period", equalTo(List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")))
                .body("items.status", equalTo(List.of("RETURNED", "SUBMITTED", "ACCEPTED", "MISSING")))
                .body("items.version", equalTo(java.util.Arrays.asList(1, 1, 1, null)))
                .body("items.onTime", equalTo(java.util.Arrays.asList(false, false, true, null)))
                .body("items.dueDate", equalTo(List.of("2026-04-15", "2026-07-15", "2026-10-15", "2027-01-15")))
                .body("totals.expected", equalTo(4)).body("totals.received", equalTo(3))
                .body("totals.submitted", equalTo(1)).body("totals.accepted", equalTo(1))
                .body("totals.returned", equalTo(1)).body("totals.missing", equalTo(1))
                .body("totals.onTime", equalTo(1))
                .body("totals.completenessPercent", equalTo(50.0f)).body("totals.acceptedPercent", equalTo(25.0f));
        completeness(AUDITOR, Map.of("year", 2026, "kind", "PROGRESS", "teamId", t[1], "status", "MISSING"))
                .statusCode(200).body("total", equalTo(1)).body("items[0].period", equalTo("2026-Q4"))
                .body("items[0].uploadId", nullValue()).body("totals.expected", equalTo(4));
        completeness(OPERATOR, Map.of("kind", "PROGRESS", "teamId", t[1], "period", "2026-q3")).statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("ACCEPTED"));
        completeness(OPERATOR, Map.of("year", 2026, "kind", "PROGRESS", "teamId", t[1], "size", 3, "page", 1))
                .statusCode(200).body("total", equalTo(4)).body("items.period", equalTo(List.of("2026-Q4")));

        // in October 2026 only the first three quarters have ended
        at(2026, 10, 1);
        completeness(OPERATOR, mine).statusCode(200).body("total", equalTo(3)).body("totals.expected", equalTo(3));

        completeness(OPERATOR, Map.of("year", "20x6")).statusCode(400).body("errors[0].field", equalTo("year"));
        completeness(OPERATOR, Map.of("period", "2026-Q5")).statusCode(400).body("errors[0].field", equalTo("period"));
        completeness(OPERATOR, Map.of("status", "LOST")).statusCode(400).body("errors[0].field", equalTo("status"));
        completeness(TestTokens.token("volunteer"), Map.of()).statusCode(403);
        completeness(TestTokens.token("reviewer"), Map.of()).statusCode(403);
    }

    @Test
    void aLeadUnitSeesTheCompletenessOfItsOwnTeamsOnly() {
        String[] a = teamWithAYearOfUploads("“科创中国”甲单位" + SEQ.incrementAndGet() + "科技服务团");
        String[] b = team();
        Map<String, Object> year = Map.of("year", 2026, "kind", "PROGRESS");
        completeness(TestTokens.leadUnit(a[0]), year).statusCode(200).body("total", equalTo(4))
                .body("items.teamId", equalTo(List.of(a[1], a[1], a[1], a[1])))
                .body("totals.accepted", equalTo(1));
        completeness(TestTokens.leadUnit(b[0]), year).statusCode(200).body("total", equalTo(4))
                .body("items.teamId", equalTo(List.of(b[1], b[1], b[1], b[1])))
                .body("totals.missing", equalTo(4)).body("totals.completenessPercent", equalTo(0.0f));
        completeness(TestTokens.leadUnit(b[0]), Map.of("year", 2026, "teamId", a[1])).statusCode(200)
                .body("total", equalTo(0)).body("totals.expected", equalTo(0));
        completeness(TestTokens.handler("h-" + a[1], a[1]), year).statusCode(200).body("total", equalTo(4))
                .body("items.teamId", equalTo(List.of(a[1], a[1], a[1], a[1])));
        // another lead unit's upload does not exist for it
        String q3 = given().auth().oauth2(OPERATOR).queryParams(Map.of("teamId", a[1], "period", "2026-Q3"))
                .when().get("/api/v1/uploads").then().extract().path("items[0].id");
        given().auth().oauth2(TestTokens.leadUnit(b[0])).when().get("/api/v1/uploads/" + q3).then().statusCode(404);
    }

    @Test
    void staffExportCompletenessAsCsvAndXlsx() throws IOException {
        String[] t = teamWithAYearOfUploads("=HYPERLINK(\"http://x\")科技服务团" + SEQ.incrementAndGet());
        Map<String, Object> query = Map.of("year", 2026, "kind", "PROGRESS", "teamId", t[1]);
        String csv = new String(given().auth().oauth2(AUDITOR).accept("text/csv").queryParams(query)
                .when().get("/api/v1/uploads/completeness").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(5, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\uFEFF团队编号,团队名称,材料类型,报送期,截止日期,状态"), lines.get(0));
        assertTrue(lines.get(1).contains(",工作进展,2026-Q1,2026-04-15,已退回,1,"), lines.get(1));
        assertTrue(lines.get(3).contains(",2026-Q3,2026-10-15,已通过,1,true,"), lines.get(3));
        assertTrue(lines.get(4).contains(",2026-Q4,2027-01-15,未报送,"), lines.get(4));
        assertTrue(lines.get(1).startsWith(t[1] + ",\"'=HYPERLINK("), "a formula-like cell is defused: " + lines.get(1));

        byte[] file = given().auth().oauth2(OPERATOR).accept(XLSX).queryParams(query).queryParam("status", "MISSING")
                .when().get("/api/v1/uploads/completeness").then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(2, rows.size());
            assertEquals("团队编号", rows.get(0).getCellText(0));
            assertEquals("未报送", rows.get(1).getCellText(5));
            assertTrue(rows.get(1).getCellText(1).startsWith("'="), rows.get(1).getCellText(1));
        }
        given().auth().oauth2(TestTokens.leadUnit(t[0])).accept("text/csv").queryParams(query)
                .when().get("/api/v1/uploads/completeness").then().statusCode(403);
    }
}
