package cn.org.kczg.teams.review.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationEventsConsumerTests {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Inject
    EntityManager em;

    static String newCreditCode() {
        // review-service does not validate codes: any unique 18 characters will do
        return String.format("91%016d", SEQ.incrementAndGet());
    }

    static EventEnvelope registered(String code, String name, String category) {
        return EventJson.envelope(new LeadUnitRegistered(code, name, category), "registration-service", "test",
                Instant.now());
    }

    static void publish(EventEnvelope envelope) {
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));
    }

    static void awaitEligibility(String code) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.token("reviewer"))
                .when().get("/api/v1/eligibility/" + code)
                .then().statusCode(200));
    }

    @Test
    void registeredLeadUnitBecomesVisibleWithEligibilityAndQuota() {
        String code = newCreditCode();
        publish(registered(code, "中国电子学会", "NATIONAL_SOCIETY"));
        awaitEligibility(code);

        given().auth().oauth2(TestTokens.leadUnit(code))
                .when().get("/api/v1/eligibility/" + code)
                .then().statusCode(200)
                .body("creditCode", equalTo(code)).body("name", equalTo("中国电子学会"))
                .body("category", equalTo("NATIONAL_SOCIETY")).body("eligible", equalTo(true))
                .body("quota.limit", equalTo(5)).body("quota.used", equalTo(0));
    }

    @Test
    void otherIsIneligibleAndUnsetAnnualQuotaIsNull() {
        String other = newCreditCode();
        String university = newCreditCode();
        publish(registered(other, "某贸易公司", "OTHER"));
        publish(registered(university, "浙江大学", "UNIVERSITY_INSTITUTE_ENTERPRISE"));
        awaitEligibility(university);
        awaitEligibility(other);

        given().auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/eligibility/" + other)
                .then().statusCode(200).body("eligible", equalTo(false)).body("reasons.size()", equalTo(1));
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/eligibility/" + university)
                .then().statusCode(200).body("eligible", equalTo(true))
                .body("quota.limit", nullValue()).body("quota.used", equalTo(0));
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String code = newCreditCode();
        EventEnvelope first = registered(code, "旧名称学会", "NATIONAL_SOCIETY");
        publish(first);
        awaitEligibility(code);
        EventEnvelope rename = registered(code, "新名称学会", "NATIONAL_SOCIETY");
        publish(rename);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/eligibility/" + code)
                .then().body("name", equalTo("新名称学会")));

        publish(first); // redelivered: applying it again would bring the old name back
        // a later event of the same lead unit shares its partition, so it is consumed after the redelivery
        EventEnvelope marker = registered(code, "第三名称学会", "NATIONAL_SOCIETY");
        publish(marker);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/eligibility/" + code)
                .then().body("name", equalTo("第三名称学会")));

        long claims = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = :id").setParameter("id", first.eventId())
                .getSingleResult()).longValue());
        assertEquals(1, claims);
    }

    @Test
    void malformedMessageGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String poison = "{not an envelope " + UUID.randomUUID();
        KafkaTestClient.produce(Topics.REGISTRATION, "poison", poison);
        String code = newCreditCode();
        publish(registered(code, "中国力学学会", "NATIONAL_SOCIETY"));

        var dead = KafkaTestClient.readMatching(Topics.deadLetter(Topics.REGISTRATION), poison, 1,
                Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = dead.get(0);
        assertTrue(KafkaTestClient.headers(record).containsKey("dead-letter-reason"),
                "the reason travels with the dead letter");
        awaitEligibility(code);
        given().auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/eligibility/" + code)
                .then().body("reasons", contains("第五条(一): 中国科协所属全国学会、协会、研究会"));
    }

    @Test
    void accessRules() {
        String code = newCreditCode();
        publish(registered(code, "中国光学学会", "NATIONAL_SOCIETY"));
        awaitEligibility(code);

        given().when().get("/api/v1/eligibility/" + code)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner("p1")).when().get("/api/v1/eligibility/" + code)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.leadUnit(newCreditCode())).when().get("/api/v1/eligibility/" + code)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/eligibility/" + newCreditCode())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
