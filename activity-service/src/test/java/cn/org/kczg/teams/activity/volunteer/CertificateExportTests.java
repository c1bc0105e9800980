package cn.org.kczg.teams.activity.volunteer;

import static cn.org.kczg.teams.activity.volunteer.VolunteerTests.log;
import static cn.org.kczg.teams.activity.volunteer.VolunteerTests.teamWithActivity;
import static cn.org.kczg.teams.activity.volunteer.VolunteerTests.volunteer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** Art. 13, issue 21: staff export the certificate list, with the activity and hours each certifies. */
@QuarkusTest
class CertificateExportTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000L);
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String AUDITOR = TestTokens.token("auditor");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A team with a participation certificate (6.5 hours) and an approved outstanding-member one; returns the team. */
    private static String teamWithCertificates() {
        String unit = "LUC" + SEQ.incrementAndGet();
        String[] team = teamWithActivity(unit);
        String sub = "vol-export-" + SEQ.incrementAndGet();
        String p = log(sub, team[1], "6.5");
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/participations/" + p + "/confirm")
                .then().statusCode(200);
        given().auth().oauth2(volunteer(sub)).contentType(ContentType.JSON).body(Map.of("participationId", p))
                .when().post("/api/v1/certificates/participation").then().statusCode(200);
        String nominated = given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("teamId", team[0], "volunteer", sub, "name", "@SUM(A1)", "reason", "全年服务企业30家"))
                .when().post("/api/v1/certificates/outstanding").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OPERATOR).when().post("/api/v1/certificates/" + nominated + "/approve").then()
                .statusCode(200);
        return team[0];
    }

    @Test
    void staffExportCertificatesAsCsvAndXlsxWithTheSameFilters() throws IOException {
        String team = teamWithCertificates();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String csv = new String(given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("teamId", team)
                .queryParam("year", year).when().get("/api/v1/certificates").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\uFEFF证书编号,证书类型,持有人,团队,活动,时长（小时）,签发时间,状态"), lines.get(0));
        // newest first: the outstanding-member certificate, its holder's formula-like name defused
        assertTrue(lines.get(1).contains(",优秀团员证书,'@SUM(A1),") && lines.get(1).contains(",有效,"), lines.get(1));
        assertTrue(lines.get(2).contains(",志愿服务证书,李晓明,") && lines.get(2).contains(",青年科技人才培训,6.5,"),
                lines.get(2));
        // the auditor's copy names no holder in full (docs/personal-data.md, "Masking")
        String audited = new String(given().auth().oauth2(AUDITOR).accept("text/csv").queryParam("teamId", team)
                .queryParam("year", year).when().get("/api/v1/certificates").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(audited.contains(",志愿服务证书,李*明,"), audited);
        assertFalse(audited.contains("李晓明"), audited);

        byte[] file = given().auth().oauth2(OPERATOR).accept(XLSX).queryParam("teamId", team)
                .queryParam("status", "VALID").when().get("/api/v1/certificates").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(3, rows.size());
            assertEquals("证书编号", rows.get(0).getCellText(0));
            assertEquals("青年科技人才培训", rows.get(2).getCellText(4));
            assertEquals("李晓明", rows.get(2).getCellText(2));
            assertEquals(0, new java.math.BigDecimal("6.5").compareTo(rows.get(2).getCell(5).asNumber()));
        }
        // the same filters narrow the JSON list and the file alike
        given().auth().oauth2(OPERATOR).queryParam("teamId", team).queryParam("year", year - 1)
                .when().get("/api/v1/certificates").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(OPERATOR).queryParam("teamId", team).when().get("/api/v1/certificates").then()
                .statusCode(200).body("total", equalTo(2));
        String empty = new String(given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("teamId", team)
                .queryParam("status", "REVOKED").when().get("/api/v1/certificates").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals(1, empty.lines().count(), empty);
        given().auth().oauth2(OPERATOR).queryParam("year", "year").when().get("/api/v1/certificates").then()
                .statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(volunteer("vol-someone")).accept("text/csv").when().get("/api/v1/certificates").then()
                .statusCode(403);
    }
}
