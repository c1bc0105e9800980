package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 through the gateway: the template, a dry run that names a bad cell, the real run in the background, and the
 * imported lead unit and team known to registration, review (eligibility and quota) and the public list.
 */
class ImportFlowTest {
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
    }

    private static String csv(List<String> headers, List<Map<String, String>> rows) {
        StringBuilder b = new StringBuilder("\uFEFF").append(String.join(",", headers)).append("\r\n");
        for (Map<String, String> row : rows) {
            b.append(String.join(",", headers.stream().map(h -> row.getOrDefault(h, "")).toList())).append("\r\n");
        }
        return b.toString();
    }

    @Test
    void anOperatorImportsExistingLeadUnitsAndTeamsAndEveryServiceLearnsOfThem() {
        String operator = suite.token("operator");
        JsonPath template = given().auth().oauth2(operator).accept("application/json")
                .when().get("/api/v1/imports/template").then().statusCode(200).extract().jsonPath();
        List<String> headers = template.getList("columns.header");
        List<String> examples = template.getList("columns.example");
        String code = TestCreditCodes.fresh("5110");
        String team = "“科创中国”存量导入" + System.nanoTime() + "科技服务团";
        Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            row.put(headers.get(i), examples.get(i));
        }
        row.put("统一社会信用代码", code);
        row.put("单位名称", "存量导入学会");
        row.put("团队名称", team);
        row.put("服务类别", "技术传播、产业咨询");
        PersonalValues.used(row.get("联系人"), row.get("联系电话"), row.get("联系邮箱"), row.get("团长姓名"),
                row.get("对接专人姓名"), row.get("对接专人电话"), row.get("对接专人邮箱"));
        Map<String, String> bad = new java.util.HashMap<>(row);
        bad.put("统一社会信用代码", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        bad.put("团队名称", "“科创中国”另一个" + System.nanoTime() + "科技服务团");
        byte[] withProblem = csv(headers, List.of(row, bad)).getBytes(StandardCharsets.UTF_8);
        byte[] good = csv(headers, List.of(row)).getBytes(StandardCharsets.UTF_8);

        JsonPath dry = given().auth().oauth2(operator).multiPart("file", "stock.csv", withProblem, "text/csv")
                .when().post("/api/v1/imports?dryRun=true").then().statusCode(200)
                .body("valid", equalTo(1)).body("problems[0].row", equalTo(3))
                .body("problems[0].column", equalTo("统一社会信用代码")).extract().jsonPath();
        assertTrue(dry.getString("problems[0].message").startsWith("校验码有误"), dry.prettify());
        given().auth().oauth2(operator).multiPart("file", "stock.csv", withProblem, "text/csv")
                .when().post("/api/v1/imports?dryRun=false").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("import-invalid"));
        given().auth().oauth2(suite.token("lead-unit", "--org", code)).multiPart("file", "stock.csv", good, "text/csv")
                .when().post("/api/v1/imports?dryRun=false").then().statusCode(403);

        String location = given().auth().oauth2(operator).multiPart("file", "stock.csv", good, "text/csv")
                .when().post("/api/v1/imports?dryRun=false").then().statusCode(202).extract().header("Location");
        String path = location.substring(location.indexOf("/api/v1/imports/"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(operator)
                .when().get(path).then().statusCode(200).body("status", equalTo("DONE"))
                .body("created.leadUnits", equalTo(1)).body("created.teams", equalTo(1)));

        given().auth().oauth2(operator).when().get("/api/v1/lead-units/" + code).then().statusCode(200)
                .body("name", equalTo("存量导入学会"));
        given().when().get("/api/v1/public/teams?leadUnit=" + code).then().statusCode(200)
                .body("items.name", hasItem(team));
        // review learned of the unit (lead-unit.registered) and of its live team (team.activated)
        String leadUnit = suite.token("lead-unit", "--org", code);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                .when().get("/api/v1/eligibility/" + code).then().statusCode(200)
                .body("name", equalTo("存量导入学会")).body("quota.used", equalTo(1)));

        // the same file again changes nothing
        String again = given().auth().oauth2(operator).multiPart("file", "stock.csv", good, "text/csv")
                .when().post("/api/v1/imports?dryRun=false").then().statusCode(202).extract().header("Location");
        String againPath = again.substring(again.indexOf("/api/v1/imports/"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(operator)
                .when().get(againPath).then().statusCode(200).body("status", equalTo("DONE"))
                .body("created.teams", equalTo(0)).body("unchanged.teams", equalTo(1)));
        assertEquals(1, (int) given().auth().oauth2(operator).when().get("/api/v1/teams?leadUnit=" + code)
                .then().statusCode(200).extract().path("total"));
    }
}
