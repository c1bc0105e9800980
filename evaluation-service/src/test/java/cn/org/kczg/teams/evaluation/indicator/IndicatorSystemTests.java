package cn.org.kczg.teams.evaluation.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndicatorSystemTests {
    private static final String OPERATOR = TestTokens.token("operator");

    static Map<String, Object> indicator(String dimension, String code, String metric, int weight, int target) {
        return Map.of("dimension", dimension, "code", code, "name", "指标" + code, "metric", metric, "weight", weight,
                "scoring", "LINEAR", "target", target);
    }

    static Map<String, Object> draft(int year, int effectWeight) {
        Map<String, Object> body = new HashMap<>();
        body.put("year", year);
        body.put("name", year + "年度科技服务团绩效评价指标体系");
        body.put("indicators", List.of(indicator("ORGANISATION", "O1", "uploads.on-time-rate", 20, 100),
                indicator("CONTENT", "C1", "activities", 50, 10),
                indicator("EFFECT", "E1", "enterprises-served", effectWeight, 100)));
        body.put("penalties", List.of(Map.of("metric", "complaints.upheld", "points", 5)));
        return body;
    }

    @Test
    void theDefaultSystemOfTheCurrentYearIsShippedPublished() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/indicator-systems?year=" + year)
                .then().statusCode(200)
                .body("items.find { it.isDefault }.status", equalTo("PUBLISHED"))
                .body("items.find { it.isDefault }.version", equalTo(1))
                .body("items.find { it.isDefault }.dimensions.label", hasItems("组织运行", "服务内容", "实施效果"))
                .body("items.find { it.isDefault }.dimensions.collect { it.weight }.sum().intValue()", equalTo(100))
                .body("items.find { it.isDefault }.dimensions[1].indicators.name", hasItem("服务活动场次"))
                .body("items.find { it.isDefault }.gradeBands.excellent.intValue()", equalTo(90))
                .body("items.find { it.isDefault }.feeViolationVeto", equalTo(2));
    }

    @Test
    void weightsNotSummingToHundredAreRefusedNamingTheField() {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(draft(2030, 29))
                .when().post("/api/v1/indicator-systems").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("indicators"))
                .body("errors[0].message", equalTo("各指标权重之和必须为 100，当前为 99"))
                .body("detail", equalTo("indicators：各指标权重之和必须为 100，当前为 99"));
        given().auth().oauth2(OPERATOR).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(draft(2030, 29)).when().post("/api/v1/indicator-systems").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("indicators"))
                .body("detail", equalTo("indicators: weights must sum to 100; they sum to 99"));
    }

    @Test
    void aDraftIsForStaffOnlyUntilItIsPublished() {
        String id = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(draft(2044, 30))
                .when().post("/api/v1/indicator-systems").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/indicator-systems/" + id).then()
                .statusCode(200).body("status", equalTo("DRAFT"));
        for (String outsider : List.of(TestTokens.token("reviewer"), TestTokens.leadUnit("91350100M000100Y43"),
                TestTokens.handler("h-1", java.util.UUID.randomUUID().toString()))) {
            given().auth().oauth2(outsider).when().get("/api/v1/indicator-systems/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(outsider).queryParam("year", 2044).when().get("/api/v1/indicator-systems").then()
                    .statusCode(200).body("total", equalTo(0));
        }
        given().auth().oauth2(OPERATOR).when().post("/api/v1/indicator-systems/" + id + "/publish").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/indicator-systems/" + id).then()
                .statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void aPublishedSystemIsImmutableAndAChangeIsANewVersion() {
        String id = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(draft(2031, 30))
                .when().post("/api/v1/indicator-systems").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
        int version = given().auth().oauth2(OPERATOR).when().get("/api/v1/indicator-systems/" + id).then()
                .statusCode(200).extract().path("version");
        Map<String, Object> changed = draft(2031, 30);
        changed.put("name", "2031年度指标体系（修订）");
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/indicator-systems/" + id).then().statusCode(200)
                .body("name", equalTo("2031年度指标体系（修订）"));
        given().auth().oauth2(OPERATOR).when().post("/api/v1/indicator-systems/" + id + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED"));

        // the same problem in Chinese by default and in English when asked, its code the same
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(draft(2031, 30))
                .when().put("/api/v1/indicator-systems/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("published"))
                .body("title", equalTo("指标体系已发布"))
                .body("detail", equalTo("2031 年度指标体系第 " + version + " 版已发布，不能更改；如需调整，请新建版本。"));
        given().auth().oauth2(OPERATOR).header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5")
                .contentType(ContentType.JSON).body(draft(2031, 30))
                .when().put("/api/v1/indicator-systems/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("published"))
                .body("title", equalTo("Indicator system published"))
                .body("detail", equalTo("Indicator system 2031 v" + version
                        + " is published and cannot change; create a new version instead."));
        given().auth().oauth2(OPERATOR).when().post("/api/v1/indicator-systems/" + id + "/publish").then()
                .statusCode(409);
        given().auth().oauth2(OPERATOR).when().delete("/api/v1/indicator-systems/" + id).then().statusCode(409);

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(draft(2031, 30))
                .when().post("/api/v1/indicator-systems").then().statusCode(201)
                .body("version", equalTo(version + 1)).body("status", equalTo("DRAFT"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/indicator-systems/" + id).then()
                .body("name", equalTo("2031年度指标体系（修订）"));
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/indicator-systems/" + id + "/history")
                .then().statusCode(200).body("action", org.hamcrest.Matchers.contains("indicator-system.created",
                        "indicator-system.replaced", "indicator-system.published"));
    }

    @Test
    void onlyTheOperatorDefinesSystemsAndTheCatalogueIsPublishedToStaff() {
        given().auth().oauth2(TestTokens.token("auditor")).contentType(ContentType.JSON).body(draft(2032, 30))
                .when().post("/api/v1/indicator-systems").then().statusCode(403);
        given().contentType(ContentType.JSON).body(draft(2032, 30))
                .when().post("/api/v1/indicator-systems").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/indicator-systems/metrics").then()
                .statusCode(200).body("code", hasItems("activities", "pilot-cities", "enterprises-served",
                        "tickets.resolved", "tickets.first-response-on-time-rate", "tickets.resolution-on-time-rate",
                        "tickets.satisfaction-rate", "uploads.on-time-rate", "library.published", "volunteer.hours", "certificates.issued",
                        "complaints.upheld", "fee-violations.upheld", "activities.category.TECH_TRANSFER",
                        "activities.form.CONFERENCE"));
    }
}
