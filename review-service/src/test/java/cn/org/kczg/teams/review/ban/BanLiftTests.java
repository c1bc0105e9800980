package cn.org.kczg.teams.review.ban;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue 21: lifting a ban, by an operator here or following an upheld appeal in evaluation-service. */
@QuarkusTest
class BanLiftTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String REASON = "经复核，处分所依据的事实不成立";

    private static String newCreditCode() {
        return String.format("53%016d", SEQ.incrementAndGet());
    }

    @Test
    void anOperatorLiftsABanOnceAndAnnouncesIt() {
        String unit = newCreditCode();
        String banId = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("creditCode", unit, "reasonClass", "LEGAL", "since", LocalDate.now().minusDays(1).toString()))
                .when().post("/api/v1/bans").then().statusCode(201).body("inForce", equalTo(true))
                .extract().path("id");
        String lift = "/api/v1/bans/" + banId + "/lift";

        given().auth().oauth2(TestTokens.token("reviewer")).contentType(ContentType.JSON).body(Map.of("reason", REASON))
                .when().post(lift).then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post(lift).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", REASON))
                .when().post("/api/v1/bans/" + UUID.randomUUID() + "/lift").then().statusCode(404);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", REASON))
                .when().post(lift).then().statusCode(200).body("inForce", equalTo(false))
                .body("liftedAt", notNullValue()).body("liftReason", equalTo(REASON));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", REASON))
                .when().post(lift).then().statusCode(409).body("code", equalTo("ban-lifted"));
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("creditCode", unit).queryParam("inForce", true)
                .when().get("/api/v1/bans").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("creditCode", unit).queryParam("inForce", false)
                .when().get("/api/v1/bans").then().statusCode(200).body("total", equalTo(1));

        var read = KafkaTestClient.readUntil(Topics.REVIEW, Duration.ofSeconds(20), records -> records.stream()
                .anyMatch(r -> unit.equals(r.key()) && r.value().contains(LeadUnitBanLifted.TYPE)));
        EventEnvelope lifted = EventJson.read(read.stream()
                .filter(r -> unit.equals(r.key()) && r.value().contains(LeadUnitBanLifted.TYPE)).findFirst()
                .orElseThrow().value());
        assertEquals(banId, lifted.payload().get("banId").asText());
        assertEquals(REASON, lifted.payload().get("reason").asText());
    }

    @Test
    void aBanLiftedByEvaluationAfterAnUpheldAppealIsLiftedHereOnce() {
        String unit = newCreditCode();
        UUID sanction = UUID.randomUUID();
        LocalDate since = LocalDate.now().minusDays(10);
        fromEvaluation(new LeadUnitBanned(sanction, unit, "SCIENTIFIC", since, since.plusYears(3), "学术不端"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/bans/" + sanction).then().statusCode(200).body("inForce", equalTo(true)));

        Instant liftedAt = Instant.parse("2026-06-01T00:00:00Z");
        EventEnvelope lift = EventJson.envelope(new LeadUnitBanLifted(sanction, unit, REASON, liftedAt),
                "evaluation-service", "appeal-" + sanction, Instant.now());
        KafkaTestClient.produce(Topics.EVALUATION, lift.aggregateId(), EventJson.write(lift));
        KafkaTestClient.produce(Topics.EVALUATION, lift.aggregateId(), EventJson.write(lift));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/bans/" + sanction).then().statusCode(200).body("inForce", equalTo(false))
                .body("liftedAt", equalTo(liftedAt.toString())).body("liftedBy", equalTo("evaluation-service"))
                .body("liftReason", equalTo(REASON)));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", REASON))
                .when().post("/api/v1/bans/" + sanction + "/lift").then().statusCode(409)
                .body("code", equalTo("ban-lifted"));
    }

    private static void fromEvaluation(LeadUnitBanned event) {
        EventEnvelope envelope = EventJson.envelope(event, "evaluation-service", "ban-" + event.banId(), Instant.now());
        KafkaTestClient.produce(Topics.EVALUATION, envelope.aggregateId(), EventJson.write(envelope));
    }

    /** docs/personal-data.md, "Masking": a body that is no JSON does not come back in parts (it may hold a contact). */
    @Test
    void aMalformedBodyIsNotEchoed() {
        String problem = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("zhoumin13700137000")
                .when().post("/api/v1/bans").then().statusCode(400).body("code", equalTo("malformed-json"))
                .extract().asString();
        assertFalse(problem.contains("zhoumin") || problem.contains("13700137000"), problem);
    }
}
