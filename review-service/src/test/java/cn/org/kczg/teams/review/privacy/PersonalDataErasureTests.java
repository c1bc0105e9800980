package cn.org.kczg.teams.review.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code personal-data.erasure-requested} in review-service: a staff member's login becomes the pseudonym. */
@QuarkusTest
class PersonalDataErasureTests {
    @Inject
    EntityManager em;

    @Test
    void anErasedOperatorsBansStayUnderThePseudonym() {
        String sub = "operator-erase-" + UUID.randomUUID();
        String unit = String.format("53%016d", System.nanoTime() % 10_000_000_000_000_000L);
        String ban = given().auth().oauth2(TestTokens.sign(TestTokens.builder("operator").subject(sub)))
                .contentType(ContentType.JSON)
                .body(Map.of("creditCode", unit, "reasonClass", "LEGAL", "since", LocalDate.now().minusDays(1).toString()))
                .when().post("/api/v1/bans").then().statusCode(201).extract().path("id");
        UUID erasure = UUID.randomUUID();
        var envelope = EventJson.envelope(new ErasureRequested(erasure, sub, null, "erased-review01", "dpo"),
                "registration-service", "test-erasure", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));

        PersonalDataErased answer = KafkaTestClient.readUntil(Topics.REVIEW, Duration.ofSeconds(30), read -> read
                        .stream().anyMatch(r -> erasure.toString().equals(r.key())))
                .stream().filter(r -> erasure.toString().equals(r.key()))
                .map(r -> EventJson.payload(EventJson.read(r.value()), PersonalDataErased.class)).findFirst()
                .orElseThrow();

        assertEquals("review-service", answer.service());
        assertTrue(answer.items().contains(new PersonalDataErased.Item("Ban", List.of("createdBy"), 1)),
                answer.items().toString());
        assertEquals("erased-review01", em.createNativeQuery("select created_by from ban where id = :id")
                .setParameter("id", UUID.fromString(ban)).getSingleResult());
    }
}
