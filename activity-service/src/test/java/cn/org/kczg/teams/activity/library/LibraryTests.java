package cn.org.kczg.teams.activity.library;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LibraryTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000L);
    private static final String OPERATOR = TestTokens.token("operator");

    private static Map<String, Object> entry(UUID teamId, String kind, String title, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", teamId.toString());
        body.put("kind", kind);
        body.put("title", title);
        body.put("industryField", "集成电路");
        body.put("region", "上海市");
        body.put("description", description);
        return body;
    }

    /** An active team known to activity-service, and its lead unit's code. */
    private static UUID team(String leadUnit) {
        UUID id = UUID.randomUUID();
        var event = new TeamActivated(id, UUID.randomUUID(), "“科创中国”库测试" + id + "科技服务团", leadUnit, "单位",
                "NATIONAL_SOCIETY", 2026, "测试", List.of(), List.of("上海市"), List.of(), List.of(), null, Instant.now());
        var envelope = EventJson.envelope(event, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.leadUnit(leadUnit))
                .contentType(ContentType.JSON).body(entry(id, "PROBLEM", "探测", "探测"))
                .when().post("/api/v1/library").statusCode() == 201);
        return id;
    }

    /** The JSON's UTF-8 bytes: RestAssured would encode a String as ISO-8859-1 for a type it does not know as JSON. */
    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String create(String leadUnit, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.leadUnit(leadUnit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/library").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRevokedTeamCreatesNothing() {
        String unit = "LU" + SEQ.incrementAndGet();
        UUID teamId = team(unit);
        var revoked = new TeamStatusChanged(teamId, unit, "ACTIVE", "REVOKED", "第十七条", Instant.now());
        var envelope = EventJson.envelope(revoked, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(entry(teamId, "PROBLEM", "撤销后的条目", "不应保存")).when().post("/api/v1/library")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("team-not-active")));
    }

    @Test
    void draftSubmitPublishAndAnyoneAuthenticatedReadsIt() {
        String unit = "LU" + SEQ.incrementAndGet();
        UUID teamId = team(unit);
        String id = create(unit, entry(teamId, "PROBLEM", "车规级芯片国产化测试难题" + SEQ.get(), "缺少车规级可靠性测试平台"));
        given().auth().oauth2(TestTokens.partner("p")).when().get("/api/v1/library/" + id).then().statusCode(404);
        given().auth().oauth2(OPERATOR).when().post("/api/v1/library/" + id + "/publish").then().statusCode(409);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/library/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/library/" + id + "/publish").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("reviewer")).contentType(ContentType.JSON).body(Map.of("reason", "请补充数据"))
                .when().post("/api/v1/library/" + id + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("description", "补充了测试数据"))
                .when().patch("/api/v1/library/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/library/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(OPERATOR).when().post("/api/v1/library/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("id", equalTo(id));
        given().auth().oauth2(TestTokens.partner("p")).when().get("/api/v1/library/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("title", "改"))
                .when().patch("/api/v1/library/" + id).then().statusCode(409);
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/library/" + id + "/history").then()
                .statusCode(200).body("action", contains("library-entry.created", "library-entry.submitted",
                        "library-entry.rejected", "library-entry.edited", "library-entry.submitted",
                        "library-entry.published"));
    }

    @Test
    void aMergePatchChangesWhatItNamesClearsWhatItNullsAndIsCheckedLikeACreate() {
        String unit = "LU" + SEQ.incrementAndGet();
        UUID teamId = team(unit);
        String token = TestTokens.leadUnit(unit);
        String id = create(unit, entry(teamId, "PROBLEM", "工业视觉缺陷检测难题", "缺少标注数据"));
        // one field sent: only it changes (application/merge-patch+json, RFC 7396)
        given().auth().oauth2(token).contentType("application/merge-patch+json").body(utf8("{\"title\":\"工业视觉缺陷检测数据难题\"}"))
                .when().patch("/api/v1/library/" + id).then().statusCode(200)
                .body("title", equalTo("工业视觉缺陷检测数据难题")).body("industryField", equalTo("集成电路"))
                .body("region", equalTo("上海市")).body("description", equalTo("缺少标注数据"));
        // null clears an optional field, the rest stays (application/json is taken as the same merge patch)
        given().auth().oauth2(token).contentType(ContentType.JSON).body(utf8("{\"region\":null,\"description\":\"缺少标注数据集\"}"))
                .when().patch("/api/v1/library/" + id).then().statusCode(200)
                .body("region", nullValue()).body("description", equalTo("缺少标注数据集"))
                .body("industryField", equalTo("集成电路")).body("title", equalTo("工业视觉缺陷检测数据难题"));
        // null on the required title: 400 naming it; an unknown field: 400 naming it; nothing changed
        given().auth().oauth2(token).contentType("application/merge-patch+json").body(utf8("{\"title\":null}"))
                .when().patch("/api/v1/library/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation")).body("errors[0].field", equalTo("title"));
        given().auth().oauth2(token).contentType("application/merge-patch+json").body(utf8("{\"title\":\"   \"}"))
                .when().patch("/api/v1/library/" + id).then().statusCode(400).body("errors[0].field", equalTo("title"));
        given().auth().oauth2(token).contentType("application/merge-patch+json").body(utf8("{\"colour\":\"红\"}"))
                .when().patch("/api/v1/library/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown-field")).body("errors[0].field", equalTo("colour"));
        given().auth().oauth2(token).contentType("application/merge-patch+json").body(utf8("[\"title\"]"))
                .when().patch("/api/v1/library/" + id).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body(utf8("{\"repositoryUrl\":\"ftp://example\"}")).when().patch("/api/v1/library/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("repositoryUrl"));
        given().auth().oauth2(token).when().get("/api/v1/library/" + id).then().statusCode(200)
                .body("title", equalTo("工业视觉缺陷检测数据难题")).body("region", nullValue())
                .body("repositoryUrl", nullValue()).body("version", equalTo(2));
        // the access rules stay: another lead unit does not see it, the state rule still holds
        given().auth().oauth2(TestTokens.leadUnit("LU-stranger")).contentType("application/merge-patch+json")
                .body(utf8("{\"title\":\"改\"}")).when().patch("/api/v1/library/" + id).then().statusCode(404);
        given().auth().oauth2(token).when().post("/api/v1/library/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/merge-patch+json").body(utf8("{\"title\":\"改\"}"))
                .when().patch("/api/v1/library/" + id).then().statusCode(409).body("code", equalTo("not-editable"));

        // an open-source entry cannot lose its repository or licence
        Map<String, Object> open = entry(teamId, "OPEN_SOURCE", "工业视觉检测开源算法库", "缺陷检测");
        open.put("repositoryUrl", "https://gitee.com/example/vision");
        open.put("licence", "MulanPSL-2.0");
        String openId = create(unit, open);
        given().auth().oauth2(token).contentType("application/merge-patch+json").body(utf8("{\"repositoryUrl\":null}"))
                .when().patch("/api/v1/library/" + openId).then().statusCode(400)
                .body("errors[0].field", equalTo("repositoryUrl"));
        given().auth().oauth2(token).contentType("application/merge-patch+json").body(utf8("{\"licence\":\"Apache-2.0\"}"))
                .when().patch("/api/v1/library/" + openId).then().statusCode(200)
                .body("licence", equalTo("Apache-2.0")).body("repositoryUrl", equalTo("https://gitee.com/example/vision"));
    }

    @Test
    void searchFindsATwoCharacterChineseWordInsideText() {
        String unit = "LU" + SEQ.incrementAndGet();
        UUID teamId = team(unit);
        String marker = "M" + SEQ.incrementAndGet();
        String chip = create(unit, entry(teamId, "PROJECT", marker + "高可靠车规级芯片封装项目", "面向新能源汽车"));
        String other = create(unit, entry(teamId, "PROJECT", marker + "智能网联汽车测试场", "封闭测试道路"));
        for (String id : List.of(chip, other)) {
            given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/library/" + id + "/submit").then().statusCode(200);
            given().auth().oauth2(OPERATOR).when().post("/api/v1/library/" + id + "/publish").then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.token("volunteer")).queryParam("q", "芯片").queryParam("size", 100)
                .when().get("/api/v1/library").then().statusCode(200)
                .body("items.id", hasItem(chip)).body("items.id", not(hasItem(other)));
        given().auth().oauth2(TestTokens.token("volunteer")).queryParam("q", marker).queryParam("kind", "PROJECT")
                .queryParam("industryField", "集成电路").queryParam("region", "上海市")
                .when().get("/api/v1/library").then().statusCode(200).body("total", equalTo(2));
        String draft = create(unit, entry(teamId, "PROBLEM", marker + "芯片草稿", "未提交"));
        given().auth().oauth2(TestTokens.token("volunteer")).queryParam("q", marker + "芯片")
                .when().get("/api/v1/library").then().body("items.id", not(hasItem(draft)));
        given().auth().oauth2(TestTokens.leadUnit(unit)).queryParam("q", marker + "芯片")
                .when().get("/api/v1/library").then().body("items.id", hasItem(draft));
    }

    @Test
    void openSourceEntriesNeedARepositoryAndAnSpdxLicence() {
        String unit = "LU" + SEQ.incrementAndGet();
        UUID teamId = team(unit);
        Map<String, Object> body = entry(teamId, "OPEN_SOURCE", "工业视觉检测开源算法库", "缺陷检测");
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/library").then().statusCode(400).body("errors[0].field", equalTo("repositoryUrl"));
        body.put("repositoryUrl", "https://gitee.com/example/vision");
        body.put("licence", "Apache 2");
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/library").then().statusCode(400).body("errors[0].field", equalTo("licence"));
        body.put("licence", "MulanPSL-2.0");
        create(unit, body);
        body.put("repositoryUrl", "ftp://example");
        // the field message in Chinese by default, in English when Accept-Language prefers it
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/library").then().statusCode(400).body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("repositoryUrl"))
                .body("errors[0].message", equalTo("必须是 https 网址"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/library").then().statusCode(400).body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("repositoryUrl"))
                .body("errors[0].message", equalTo("must be an https URL"));
        given().auth().oauth2(TestTokens.leadUnit("LU-stranger")).contentType(ContentType.JSON)
                .body(entry(teamId, "PROBLEM", "x", "y")).when().post("/api/v1/library").then().statusCode(404);
    }
}
