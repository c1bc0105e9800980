package cn.org.kczg.teams.registration.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.TestCreditCodes;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    private static ValidatableResponse upload(String token, boolean dryRun, byte[] file, String name) {
        return given().auth().oauth2(token).multiPart("file", name, file, "application/octet-stream")
                .when().post("/api/v1/imports?dryRun=" + dryRun).then();
    }

    private static String problem(JsonPath body, int row, String column) {
        return body.getList("problems", Map.class).stream()
                .filter(p -> ((Integer) p.get("row")) == row && column.equals(p.get("column")))
                .map(p -> (String) p.get("message")).findFirst().orElse("(none at " + row + " " + column + ")");
    }

    private static JsonPath awaitDone(String location) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(given().auth()
                .oauth2(OPERATOR).when().get(location).then().statusCode(200).extract().path("status")));
        return given().auth().oauth2(OPERATOR).when().get(location).then().statusCode(200).extract().jsonPath();
    }

    private long outboxRows(String type, List<String> aggregates) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where event_type = :t and aggregate_id in (:a)")
                .setParameter("t", type).setParameter("a", aggregates).getSingleResult()).longValue());
    }

    @Test
    void theDryRunReportsEveryProblemByRowAndColumnInChinese() {
        String name = Fixtures.uniqueName("导入检查");
        String code = TestCreditCodes.fresh("5110");
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        byte[] file = ImportFiles.csv(List.of(
                ImportFiles.row(TestCreditCodes.fresh("5110"), "甲学会", name),
                ImportFiles.row(wrongCheck, "乙学会", Fixtures.uniqueName("导入检查")),
                ImportFiles.row(TestCreditCodes.fresh("5110"), "丙学会", Fixtures.uniqueName("导入检查"),
                        "单位类别", "学会联合会"),
                ImportFiles.row(TestCreditCodes.fresh("5110"), "丁学会", name),
                ImportFiles.row(TestCreditCodes.fresh("5110"), "戊\u0000学会", Fixtures.uniqueName("导入检查"))));
        JsonPath body = upload(OPERATOR, true, file, "stock.csv").statusCode(200)
                .body("dryRun", equalTo(true)).body("status", equalTo("CHECKED"))
                .body("rows", equalTo(5)).body("valid", equalTo(1)).body("problemCount", equalTo(4))
                .body("created.leadUnits", equalTo(1)).body("created.teams", equalTo(1))
                .extract().jsonPath();
        assertTrue(problem(body, 3, "统一社会信用代码").startsWith("校验码有误"), body.prettify());
        assertTrue(problem(body, 4, "单位类别").startsWith("不是有效的单位类别"), body.prettify());
        assertEquals("与第 2 行的团队名称重复", problem(body, 5, "团队名称"));
        assertTrue(problem(body, 6, "单位名称").contains("U+0000"), body.prettify());
        // a dry run imports nothing, and its record is kept
        given().auth().oauth2(OPERATOR).when().get("/api/v1/teams?q=" + name.substring(6, name.length() - 5))
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/imports/" + body.getString("id"))
                .then().statusCode(200).body("problemCount", equalTo(4)).body("fileName", equalTo("stock.csv"));
    }

    @Test
    void aMissingOrUnknownColumnIsAProblemOfTheHeaderRow() {
        List<String> headers = new java.util.ArrayList<>(ImportFiles.headers());
        headers.remove("联系邮箱");
        headers.add(0, "备注");
        JsonPath body = upload(OPERATOR, true, ImportFiles.csv(headers, List.of(ImportFiles.row(
                TestCreditCodes.fresh("5110"), "甲学会", Fixtures.uniqueName("表头"))), false), "a.csv")
                .statusCode(200).body("valid", equalTo(0)).extract().jsonPath();
        assertEquals("缺少此列，请使用导入模板中的全部表头", problem(body, 1, "联系邮箱"));
        assertTrue(problem(body, 1, "备注").startsWith("不是导入模板中的列"));
    }

    @Test
    void csvWithAByteOrderMarkAndXlsxAreReadAlike() {
        var row = ImportFiles.row(TestCreditCodes.fresh("5110"), "甲学会", Fixtures.uniqueName("格式"));
        upload(OPERATOR, true, ImportFiles.csv(ImportFiles.headers(), List.of(row), true), "bom.csv").statusCode(200)
                .body("format", equalTo("CSV")).body("valid", equalTo(1)).body("problemCount", equalTo(0));
        upload(OPERATOR, true, ImportFiles.xlsx(List.of(row)), "表.xlsx").statusCode(200)
                .body("format", equalTo("XLSX")).body("valid", equalTo(1)).body("problemCount", equalTo(0));
        upload(OPERATOR, true, new byte[] {(byte) 0xC3, 0x28, 0x0A}, "latin.csv").statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(OPERATOR, true, new byte[] {'P', 'K', 3, 4, 0, 0}, "broken.xlsx").statusCode(400)
                .body("errors[0].field", equalTo("file"));
    }

    @Test
    void theRealRunCreatesLeadUnitsAndTeamsWithRegistrationsEventsAndASecondRunChangesNothing() {
        String a = TestCreditCodes.fresh("5110");
        String b = TestCreditCodes.fresh("1332");
        List<String> names = List.of(Fixtures.uniqueName("导入甲"), Fixtures.uniqueName("导入乙"),
                Fixtures.uniqueName("导入丙"));
        byte[] file = ImportFiles.csv(List.of(
                ImportFiles.row(a, "甲学会", names.get(0)),
                ImportFiles.row(a, "甲学会", names.get(1), "服务类别", "技术转移与交易"),
                ImportFiles.row(b, "乙省科协", names.get(2), "单位类别", "省级科协")));
        String requestId = "import-" + UUID.randomUUID();
        String location = given().auth().oauth2(OPERATOR).header("X-Request-Id", requestId)
                .multiPart("file", "stock.csv", file, "text/csv")
                .when().post("/api/v1/imports?dryRun=false").then().statusCode(202)
                .body("status", equalTo("RUNNING")).header("Location", containsString("/api/v1/imports/"))
                .extract().header("Location");
        JsonPath done = awaitDone(location);
        assertEquals("DONE", done.getString("status"), done.prettify());
        assertEquals(2, done.getInt("created.leadUnits"));
        assertEquals(3, done.getInt("created.teams"));

        given().auth().oauth2(OPERATOR).when().get("/api/v1/lead-units/" + b).then().statusCode(200)
                .body("category", equalTo("PROVINCIAL_CAST")).body("contact.email", equalTo("wm@example.org.cn"));
        List<String> teamIds = given().auth().oauth2(OPERATOR).when().get("/api/v1/teams?leadUnit=" + a).then()
                .statusCode(200).body("total", equalTo(2)).body("items.status", everyItem("ACTIVE"))
                .body("items.name", hasItem(names.get(1))).extract().path("items.id");
        given().when().get("/api/v1/public/teams/" + teamIds.get(0)).then().statusCode(200);
        // the importing lead unit now sees its team; the team's handler came from the file
        given().auth().oauth2(TestTokens.leadUnit(a)).when().get("/api/v1/teams/" + teamIds.get(0)).then()
                .statusCode(200).body("handler.userId", equalTo("handler-zhaoqiang"));

        assertEquals(2, outboxRows("lead-unit.registered", List.of(a, b)));
        String teamOfB = given().auth().oauth2(OPERATOR).when().get("/api/v1/teams?leadUnit=" + b).then()
                .extract().path("items[0].id");
        List<String> allTeams = List.of(teamIds.get(0), teamIds.get(1), teamOfB);
        assertEquals(3, outboxRows("team.activated", allTeams));
        String envelope = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select envelope from outbox_event where event_type = 'team.activated' and aggregate_id = :t")
                .setParameter("t", teamOfB).getSingleResult());
        assertTrue(envelope.contains("\"correlationId\":\"" + requestId + "\""), envelope);
        assertTrue(envelope.contains("\"leadUnitCategory\":\"PROVINCIAL_CAST\""), envelope);

        // the same file again: everything is there as the file says, so nothing is created and nothing emitted
        upload(OPERATOR, true, file, "stock.csv").statusCode(200).body("problemCount", equalTo(0))
                .body("created.leadUnits", equalTo(0)).body("created.teams", equalTo(0))
                .body("unchanged.leadUnits", equalTo(2)).body("unchanged.teams", equalTo(3));
        JsonPath again = awaitDone(upload(OPERATOR, false, file, "stock.csv").statusCode(202).extract()
                .header("Location"));
        assertEquals("DONE", again.getString("status"));
        assertEquals(0, again.getInt("created.leadUnits") + again.getInt("created.teams"));
        assertEquals(2, again.getInt("unchanged.leadUnits"));
        assertEquals(3, again.getInt("unchanged.teams"));
        assertEquals(2, outboxRows("lead-unit.registered", List.of(a, b)));
        assertEquals(3, outboxRows("team.activated", allTeams));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/imports?dryRun=false&status=DONE").then()
                .statusCode(200).body("items.id", hasItem(again.getString("id")));
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItem(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void aRealRunOfAFileWithAProblemImportsNothingAndListsTheProblems() {
        String registered = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        String fresh = TestCreditCodes.fresh("5110");
        String name = Fixtures.uniqueName("全有全无");
        byte[] file = ImportFiles.csv(List.of(
                ImportFiles.row(fresh, "新学会", name),
                ImportFiles.row(registered, "另一个名字", Fixtures.uniqueName("全有全无"))));
        JsonPath problem = upload(OPERATOR, false, file, "x.csv").statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("import-invalid"))
                .body("problems[0].row", equalTo(3)).body("problems[0].column", equalTo("单位名称"))
                .extract().jsonPath();
        assertTrue(problem.getString("problems[0].message").contains("测试单位"), problem.prettify());
        given().auth().oauth2(OPERATOR).when().get("/api/v1/lead-units/" + fresh).then().statusCode(404);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/imports/" + problem.getString("importId")).then()
                .statusCode(200).body("status", equalTo("REJECTED"));
        // in English on request
        given().auth().oauth2(OPERATOR).header("Accept-Language", "en").multiPart("file", "x.csv", file, "text/csv")
                .when().post("/api/v1/imports?dryRun=false").then().statusCode(400)
                .body("problems[0].message", startsWith("the lead unit of this credit code is registered as"));
    }

    @Test
    void aTeamNameAnotherLeadUnitHoldsIsAProblem() {
        String holder = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        String name = Fixtures.uniqueName("已占用");
        Fixtures.activeTeam(holder, name);
        JsonPath body = upload(OPERATOR, true, ImportFiles.csv(List.of(ImportFiles.row(TestCreditCodes.fresh("5110"),
                "甲学会", name))), "a.csv").statusCode(200).body("valid", equalTo(0)).extract().jsonPath();
        assertTrue(problem(body, 2, "团队名称").contains(holder), body.prettify());
    }

    @Test
    void onlyOperatorsImportAndBadInputIsA4xx() {
        byte[] file = ImportFiles.csv(List.of(ImportFiles.row(TestCreditCodes.fresh("5110"), "甲", "“科创中国”甲科技服务团")));
        String unit = TestCreditCodes.fresh("5110");
        upload(TestTokens.leadUnit(unit), true, file, "a.csv").statusCode(403);
        upload(TestTokens.token("reviewer"), false, file, "a.csv").statusCode(403);
        given().multiPart("file", "a.csv", file, "text/csv").when().post("/api/v1/imports").then().statusCode(401);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/imports").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/imports").then().statusCode(200);
        upload(OPERATOR, true, file, "a.csv").statusCode(200);
        given().auth().oauth2(OPERATOR).multiPart("file", "a.csv", file, "text/csv")
                .when().post("/api/v1/imports?dryRun=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
        given().auth().oauth2(OPERATOR).multiPart("other", "a.csv", file, "text/csv")
                .when().post("/api/v1/imports").then().statusCode(400).body("errors[0].field", equalTo("file"));
        upload(OPERATOR, true, new byte[0], "empty.csv").statusCode(400);
        upload(OPERATOR, true, "a\n".repeat(ImportFile.MAX_ROWS + 2).getBytes(StandardCharsets.UTF_8), "many.csv")
                .statusCode(400).body("errors[0].field", equalTo("file"));
        upload(OPERATOR, true, new byte[21 * 1024 * 1024], "big.csv").statusCode(413)
                .body("code", equalTo("file-too-large"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(OPERATOR).when().get("/api/v1/imports?status=NOPE").then().statusCode(400);
    }

    @Test
    void theTemplateHasEveryColumnAndAnExampleRowThatPassesTheDryRun() throws Exception {
        byte[] csv = given().auth().oauth2(OPERATOR).accept("text/csv").when().get("/api/v1/imports/template")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF统一社会信用代码,单位名称,单位类别"), text);
        upload(OPERATOR, true, csv, "template.csv").statusCode(200).body("valid", equalTo(1))
                .body("problemCount", equalTo(0));
        byte[] xlsx = given().auth().oauth2(OPERATOR).accept(XLSX).when().get("/api/v1/imports/template")
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(2, rows.size());
            assertEquals("团队名称", rows.get(0).getCellText(6));
        }
        upload(OPERATOR, true, xlsx, "template.xlsx").statusCode(200).body("valid", equalTo(1));
        given().auth().oauth2(OPERATOR).accept(ContentType.JSON).when().get("/api/v1/imports/template")
                .then().statusCode(200).body("columns.size()", equalTo(ImportColumn.values().length))
                .body("columns[0].header", equalTo("统一社会信用代码")).body("unitCategories", hasItem("全国学会"));
    }

    @Test
    void aRunWhoseInstanceStoppedShowsAsFailedAfterFiveMinutesWithoutABatch() {
        Instant now = clock.instant();
        UUID stalled = UUID.randomUUID();
        UUID going = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : List.of(stalled, going)) {
                DataImport i = new DataImport();
                i.id = id;
                i.status = ImportStatus.RUNNING;
                i.fileFormat = "CSV";
                i.fileSha256 = "0".repeat(64);
                i.rows = 10;
                i.valid = 10;
                i.createdAt = now.minus(Duration.ofHours(1));
                i.progressAt = id.equals(stalled) ? now.minus(Duration.ofMinutes(6)) : now.minus(Duration.ofMinutes(1));
                i.persist();
            }
        });
        given().auth().oauth2(OPERATOR).when().get("/api/v1/imports/" + stalled).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("failure", containsString("interrupted"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/imports/" + going).then().statusCode(200)
                .body("status", equalTo("RUNNING"));
        List<String> failed = given().auth().oauth2(OPERATOR).queryParam("status", "FAILED").queryParam("size", 100)
                .when().get("/api/v1/imports").then().statusCode(200).extract().path("items.id");
        assertTrue(failed.contains(stalled.toString()) && !failed.contains(going.toString()), failed.toString());
        List<String> running = given().auth().oauth2(OPERATOR).queryParam("status", "RUNNING").queryParam("size", 100)
                .when().get("/api/v1/imports").then().statusCode(200).extract().path("items.id");
        assertTrue(running.contains(going.toString()) && !running.contains(stalled.toString()), running.toString());
    }
}
