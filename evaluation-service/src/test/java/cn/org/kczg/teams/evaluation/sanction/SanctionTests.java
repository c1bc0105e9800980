package cn.org.kczg.teams.evaluation.sanction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.evaluation.Events;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.testkit.CreatedAt;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SanctionTests {
    private static final String OPERATOR = TestTokens.token("operator");

    @Test
    void aSeriousProblemBansTheLeadUnitForThreeYearsAndDisqualifiesTheTeam() {
        String unit = Events.unique("LU-S");
        UUID team = Events.team(unit, "“科创中国”处理测试科技服务团", Instant.now());
        String note = "团队成员学术不端，经调查属实";
        Map<String, Object> body = Map.of("teamId", team.toString(), "reasonClass", "SCIENTIFIC", "note", note);

        given().auth().oauth2(TestTokens.token("auditor")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/sanctions").then().statusCode(403);
        // field messages in Chinese unless the caller prefers English
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("teamId", team.toString(), "reasonClass", "SCIENTIFIC", "note", "太短"))
                .when().post("/api/v1/sanctions").then().statusCode(400).body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("note")).body("errors[0].message", equalTo("个数必须在10和2000之间"));
        given().auth().oauth2(OPERATOR).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("teamId", team.toString(), "reasonClass", "SCIENTIFIC", "note", "太短"))
                .when().post("/api/v1/sanctions").then().statusCode(400).body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].message", equalTo("size must be between 10 and 2000"));
        UUID nobody = UUID.randomUUID();
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("teamId", nobody.toString(), "reasonClass", "LEGAL", "note", note))
                .when().post("/api/v1/sanctions").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("not-found")).body("detail", equalTo("没有编号为 " + nobody + " 的科技服务团。"));
        given().auth().oauth2(OPERATOR).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("teamId", nobody.toString(), "reasonClass", "LEGAL", "note", note))
                .when().post("/api/v1/sanctions").then().statusCode(404).body("code", equalTo("not-found"))
                .body("detail", equalTo("No team " + nobody + "."));

        var created = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/sanctions").then().statusCode(201)
                .body("leadUnitCreditCode", equalTo(unit)).extract().response();
        String since = created.path("since");
        CreatedAt.follow(created, TestTokens.token("auditor"));
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/sanctions?leadUnit=" + unit).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].note", equalTo(note));

        List<EventEnvelope> events = KafkaTestClient.readMatching(Topics.EVALUATION, unit, 1, Duration.ofSeconds(30))
                .stream().map(r -> EventJson.read(r.value())).toList();
        EventEnvelope ban = events.stream().filter(e -> e.type().equals("lead-unit.banned")).findFirst().orElseThrow();
        assertEquals(unit, ban.payload().get("creditCode").asText());
        assertEquals("SCIENTIFIC", ban.payload().get("reasonClass").asText());
        assertEquals(LocalDate.parse(since).plusYears(3).toString(), ban.payload().get("until").asText());
        List<EventEnvelope> disqualified = KafkaTestClient.readMatching(Topics.EVALUATION, team.toString(), 1,
                Duration.ofSeconds(30)).stream().map(r -> EventJson.read(r.value())).toList();
        assertEquals(List.of("team.disqualified"), disqualified.stream().map(EventEnvelope::type).toList());
        assertEquals(note, disqualified.get(0).payload().get("reason").asText().substring(7));
    }
}
