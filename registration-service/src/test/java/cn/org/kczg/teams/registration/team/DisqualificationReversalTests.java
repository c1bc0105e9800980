package cn.org.kczg.teams.registration.team;

import static cn.org.kczg.teams.registration.Fixtures.registerLeadUnit;
import static cn.org.kczg.teams.registration.Fixtures.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.evaluation.TeamDisqualificationReversed;
import cn.org.kczg.teams.events.evaluation.TeamDisqualified;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue 21: an upheld appeal gives a disqualified team back the status it had, under its name. */
@QuarkusTest
class DisqualificationReversalTests {
    private static final String OPERATOR = TestTokens.token("operator");

    @Inject
    EntityManager em;

    @Test
    void aReversedDisqualificationRestoresTheStatusTheTeamHad() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String name = uniqueName("申诉恢复");
        String teamId = Fixtures.activeTeam(unit, name);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "整改期间暂停服务"))
                .when().post("/api/v1/teams/" + teamId + "/suspend").then().statusCode(200);
        UUID sanction = UUID.randomUUID();
        send(new TeamDisqualified(UUID.fromString(teamId), 2026, "严重法律问题：违法经营", Instant.now()));
        awaitStatus(teamId, "DISQUALIFIED");

        TeamDisqualificationReversed reversed = new TeamDisqualificationReversed(UUID.fromString(teamId), 2026,
                sanction, UUID.randomUUID(), "经复核，处分所依据的事实不成立", Instant.now());
        send(reversed);
        send(reversed);
        awaitStatus(teamId, "SUSPENDED");
        given().auth().oauth2(OPERATOR).when().get("/api/v1/teams/" + teamId).then()
                .body("statusReason", startsWith("申诉成立"));
        var read = KafkaTestClient.readUntil(Topics.REGISTRATION, Duration.ofSeconds(20), records -> records.stream()
                .anyMatch(r -> r.value().contains("team.status-changed") && r.value().contains(teamId)
                        && r.value().contains("申诉成立")));
        EventEnvelope changed = read.stream().map(r -> EventJson.read(r.value()))
                .filter(e -> e.type().equals("team.status-changed") && e.aggregateId().equals(teamId)
                        && e.payload().get("from").asText().equals("DISQUALIFIED"))
                .findFirst().orElseThrow();
        assertEquals("SUSPENDED", changed.payload().get("to").asText());
        // live again, in the public list and holding its name, so nobody else may take it
        given().when().get("/api/v1/public/teams/" + teamId).then().statusCode(200);
        assertEquals(teamId, QuarkusTransaction.requiringNew().call(() -> String.valueOf(em
                .createNativeQuery("select team_id from team_name where name = :n").setParameter("n", name)
                .getSingleResult())));
    }

    private static void awaitStatus(String teamId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OPERATOR)
                .when().get("/api/v1/teams/" + teamId).then().body("status", equalTo(status)));
    }

    private static void send(EventPayload payload) {
        var envelope = EventJson.envelope(payload, "evaluation-service", "test", Instant.now());
        KafkaTestClient.produce(Topics.EVALUATION, envelope.aggregateId(), EventJson.write(envelope));
    }
}
