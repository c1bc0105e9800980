package cn.org.kczg.teams.activity.volunteer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.testkit.CreatedAt;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class VolunteerTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000L);
    private static final String OPERATOR = TestTokens.token("operator");

    public static String volunteer(String sub) {
        return TestTokens.sign(TestTokens.builder("volunteer").subject(sub));
    }

    /** A team and one reported activity of it; returns {teamId, activityId}. */
    public static String[] teamWithActivity(String leadUnit) {
        UUID teamId = UUID.randomUUID();
        var event = new TeamActivated(teamId, UUID.randomUUID(), "“科创中国”志愿测试" + SEQ.incrementAndGet() + "科技服务团",
                leadUnit, "单位", "NATIONAL_SOCIETY", 2026, "测试", List.of(), List.of("苏州市"), List.of(), List.of(),
                null, Instant.now());
        var envelope = EventJson.envelope(event, "registration-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
        Map<String, Object> report = Map.of("teamId", teamId.toString(), "category", "TALENT_ECOSYSTEM", "form", "TRAINING",
                "title", "青年科技人才培训", "startDate", "2026-11-01", "endDate", "2026-11-01",
                "place", Map.of("city", "苏州市"), "participants", 80, "enterprisesServed", 10,
                "feesCharged", Map.of("amount", 0));
        String activity = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(TestTokens.leadUnit(leadUnit)).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/activities").then().extract().<String>path("id"), id -> id != null);
        return new String[] {teamId.toString(), activity};
    }

    public static String log(String sub, String activity, String hours) {
        return CreatedAt.follow(given().auth().oauth2(volunteer(sub)).contentType(ContentType.JSON)
                .body(Map.of("activityId", activity, "name", "李晓明", "role", "授课专家", "hours", hours))
                .when().post("/api/v1/participations").then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().response(), volunteer(sub));
    }

    @Test
    void nobodyConfirmsTheirOwnHours() {
        String unit = "LU" + SEQ.incrementAndGet();
        String[] team = teamWithActivity(unit);
        String sub = "vol-" + SEQ.incrementAndGet();
        // one person with both roles: volunteer and the lead unit's staff
        String both = TestTokens.sign(TestTokens.builder("volunteer", "lead-unit").subject(sub).claim("org", unit));
        String p = given().auth().oauth2(both).contentType(ContentType.JSON)
                .body(Map.of("activityId", team[1], "name", "李晓明", "role", "授课专家", "hours", "8"))
                .when().post("/api/v1/participations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(both).when().post("/api/v1/participations/" + p + "/confirm").then().statusCode(403)
                .contentType("application/problem+json");
        // still pending: another person of the lead unit confirms it
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/participations/" + p + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void confirmedParticipationEarnsACertificateAnyoneCanVerify() {
        String unit = "LU" + SEQ.incrementAndGet();
        String[] team = teamWithActivity(unit);
        String sub = "vol-" + SEQ.incrementAndGet();
        String p = log(sub, team[1], "6.5");
        given().auth().oauth2(volunteer(sub)).contentType(ContentType.JSON).body(Map.of("participationId", p))
                .when().post("/api/v1/certificates/participation").then().statusCode(409).body("code", equalTo("not-confirmed"));
        given().auth().oauth2(TestTokens.leadUnit("LU-other")).when().post("/api/v1/participations/" + p + "/confirm")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/participations/" + p + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/participations/" + p + "/confirm")
                .then().statusCode(409);
        String rejected = log(sub, team[1], "3");
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("reason", "未到场"))
                .when().post("/api/v1/participations/" + rejected + "/reject").then().statusCode(200);
        given().auth().oauth2(volunteer(sub)).queryParam("status", "CONFIRMED").when().get("/api/v1/participations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].hours", equalTo(6.5f));
        var events = KafkaTestClient.readUntil(Topics.ACTIVITY, Duration.ofSeconds(20), read -> read.stream()
                .anyMatch(r -> team[0].equals(r.key()) && r.value().contains("participation.rejected")))
                .stream().filter(r -> team[0].equals(r.key())).map(r -> EventJson.read(r.value()).type())
                .filter(type -> type.startsWith("participation.")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("participation.logged", "participation.confirmed",
                "participation.logged", "participation.rejected"), events);

        String code = given().auth().oauth2(volunteer(sub)).contentType(ContentType.JSON).body(Map.of("participationId", p))
                .when().post("/api/v1/certificates/participation").then().statusCode(200)
                .body("status", equalTo("VALID")).extract().path("code");
        given().auth().oauth2(volunteer(sub)).contentType(ContentType.JSON).body(Map.of("participationId", p))
                .when().post("/api/v1/certificates/participation").then().body("code", equalTo(code));
        String verified = given().when().get("/api/v1/public/certificates/" + code).then().statusCode(200)
                .body("kind", equalTo("PARTICIPATION")).body("holder", equalTo("李*明"))
                .body("status", equalTo("VALID")).body("issuedAt", notNullValue())
                .body("hours", equalTo(6.5f)).body("activity", equalTo("青年科技人才培训"))
                .body("activityDate", equalTo("2026-11-01")).body("year", equalTo(2026))
                .body("teamName", org.hamcrest.Matchers.startsWith("“科创中国”志愿测试")).extract().asString();
        assertFalse(verified.contains(sub) || verified.contains("李晓明"), verified);
        given().when().get("/api/v1/public/certificates/NOSUCHCODE2345678912").then().statusCode(404);

        String id = given().auth().oauth2(OPERATOR).queryParam("status", "VALID").queryParam("size", 100)
                .when().get("/api/v1/certificates").then().extract().path("items.find { it.code == '" + code + "' }.id");
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/v1/certificates/" + id + "/revoke").then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "材料不实"))
                .when().post("/api/v1/certificates/" + id + "/revoke").then().statusCode(200);
        given().when().get("/api/v1/public/certificates/" + code).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", notNullValue());
    }

    @Test
    void anOutstandingMemberCertificateNeedsAnOperatorsApproval() {
        String unit = "LU" + SEQ.incrementAndGet();
        String[] team = teamWithActivity(unit);
        // only a volunteer whose service in the team is confirmed can be its outstanding member
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("teamId", team[0], "volunteer", "vol-star", "name", "欧阳明华", "reason", "全年服务企业30家"))
                .when().post("/api/v1/certificates/outstanding").then().statusCode(400)
                .body("errors[0].field", equalTo("volunteer"));
        String logged = log("vol-star", team[1], "3");
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("teamId", team[0], "volunteer", "vol-star", "name", "欧阳明华", "reason", "全年服务企业30家"))
                .when().post("/api/v1/certificates/outstanding").then().statusCode(400);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/participations/" + logged + "/confirm")
                .then().statusCode(200);
        String id = CreatedAt.follow(given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("teamId", team[0], "volunteer", "vol-star", "name", "欧阳明华", "reason", "全年服务企业30家"))
                .when().post("/api/v1/certificates/outstanding").then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).body("code", nullValue()).extract().response(),
                TestTokens.leadUnit(unit));
        given().auth().oauth2(volunteer("someone-else")).when().get("/api/v1/certificates/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/certificates/" + id + "/approve")
                .then().statusCode(403);
        String code = given().auth().oauth2(OPERATOR).when().post("/api/v1/certificates/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("VALID")).extract().path("code");
        given().when().get("/api/v1/public/certificates/" + code).then().statusCode(200)
                .body("kind", equalTo("OUTSTANDING_MEMBER")).body("holder", equalTo("欧**华"));
        given().auth().oauth2(OPERATOR).when().post("/api/v1/certificates/" + id + "/approve").then().statusCode(409);
        given().auth().oauth2(TestTokens.leadUnit("LU-other")).contentType(ContentType.JSON)
                .body(Map.of("teamId", team[0], "volunteer", "v", "name", "王", "reason", "r"))
                .when().post("/api/v1/certificates/outstanding").then().statusCode(404);
        given().auth().oauth2(volunteer("someone-else")).when().get("/api/v1/certificates")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }
}
