package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.activity.ticket.DemandHall.push;
import static cn.org.kczg.teams.activity.ticket.DemandHall.ticket;
import static cn.org.kczg.teams.activity.ticket.DemandHall.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TicketExportTests {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String OPERATOR = TestTokens.token("operator");

    /** Three tickets found by a word only they have; the first one's project name would be a formula in Excel. */
    private static String threeTickets() {
        String word = unique("导出");
        String partner = unique("feeder-");
        for (String name : List.of("=HYPERLINK(\"http://evil\")" + word, word + "，含逗号", word + "第三")) {
            Map<String, Object> body = ticket(unique("XQ-"), "物联网", "无锡", List.of("TECH_TRANSFER"), List.of());
            body.put("projectName", name);
            push(partner, body);
        }
        return word;
    }

    @Test
    void csvHasChineseHeadersEveryMatchingTicketAndDefusedFormulas() {
        String word = threeTickets();
        Response r = given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("q", word)
                .when().get("/api/v1/tickets").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment;")).extract().response();
        String csv = new String(r.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF工单编号,合作方,外部编号,项目名称"), csv.substring(0, 40));
        List<String> lines = csv.lines().toList();
        assertEquals(4, lines.size(), csv);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")" + word + "\""), csv);
        assertTrue(csv.contains("\"" + word + "，含逗号\"") || csv.contains(word + "，含逗号"), csv);
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("NEW")), csv);
    }

    @Test
    void xlsxIsAWorkbookWithTheSameRows() throws IOException {
        String word = threeTickets();
        byte[] file = given().auth().oauth2(OPERATOR).accept(XLSX).queryParam("q", word)
                .when().get("/api/v1/tickets").then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(4, rows.size());
            assertEquals("工单编号", rows.get(0).getCellText(0));
            assertEquals("项目名称", rows.get(0).getCellText(3));
            assertTrue(rows.stream().skip(1).anyMatch(row -> row.getCellText(3).startsWith("'=HYPERLINK")));
        }
    }

    @Test
    void jsonStaysTheAnswerUnlessAFileIsPreferredAndOnlyStaffExport() {
        String word = threeTickets();
        given().auth().oauth2(OPERATOR).accept("application/json, text/csv").queryParam("q", word)
                .when().get("/api/v1/tickets").then().statusCode(200).contentType(startsWith("application/json"));
        given().auth().oauth2(OPERATOR).queryParam("q", word).when().get("/api/v1/tickets").then().statusCode(200)
                .contentType(startsWith("application/json"));
        given().auth().oauth2(TestTokens.partner("p")).accept("text/csv").when().get("/api/v1/tickets").then()
                .statusCode(403).contentType("application/problem+json");
        given().accept("text/csv").when().get("/api/v1/tickets").then().statusCode(401);
        given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("status", "NOPE").when().get("/api/v1/tickets")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
