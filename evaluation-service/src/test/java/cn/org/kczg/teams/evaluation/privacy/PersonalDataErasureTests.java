package cn.org.kczg.teams.evaluation.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.evaluation.Events;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code personal-data.erasure-requested} in evaluation-service: logins become the pseudonym, metrics stay. */
@QuarkusTest
class PersonalDataErasureTests {
    @Inject
    EntityManager em;

    @Test
    void anErasedOperatorsGuidanceRecordsStayAndStillCount() {
        String unit = Events.unique("LU-E");
        UUID team = Events.team(unit, "“科创中国”删除测试科技服务团", Instant.parse("2026-01-05T00:00:00Z"));
        String sub = "operator-erase-" + UUID.randomUUID();
        String guidance = given().auth().oauth2(TestTokens.sign(TestTokens.builder("operator").subject(sub)))
                .contentType(ContentType.JSON).body(Map.of("teamId", team.toString(), "date", "2026-10-12",
                        "topic", "年度工作计划", "content", "建议聚焦共性技术需求。"))
                .when().post("/api/v1/guidance").then().statusCode(201).extract().path("id");
        String metric = "/api/v1/teams/" + team + "/metrics/2026/guidance-sessions";
        given().auth().oauth2(TestTokens.token("auditor")).when().get(metric).then().body("total", equalTo(1));
        UUID erasure = UUID.randomUUID();
        var envelope = EventJson.envelope(new ErasureRequested(erasure, sub, null, "erased-eval01", "dpo"),
                "registration-service", "test-erasure", Instant.now());
        KafkaTestClient.produce(Topics.REGISTRATION, envelope.aggregateId(), EventJson.write(envelope));

        PersonalDataErased answer = KafkaTestClient.readUntil(Topics.EVALUATION, Duration.ofSeconds(30), read -> read
                        .stream().anyMatch(r -> erasure.toString().equals(r.key())))
                .stream().filter(r -> erasure.toString().equals(r.key()))
                .map(r -> EventJson.payload(EventJson.read(r.value()), PersonalDataErased.class)).findFirst()
                .orElseThrow();

        assertEquals(List.of(new PersonalDataErased.Item("GuidanceSession", List.of("recordedBy"), 1)),
                answer.items());
        assertEquals("erased-eval01", em.createNativeQuery("select recorded_by from guidance_session where id = :id")
                .setParameter("id", UUID.fromString(guidance)).getSingleResult());
        given().auth().oauth2(TestTokens.token("auditor")).when().get(metric).then().body("total", equalTo(1));
    }
}
