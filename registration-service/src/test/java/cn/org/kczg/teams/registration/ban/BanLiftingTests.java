package cn.org.kczg.teams.registration.ban;

import static cn.org.kczg.teams.registration.Fixtures.completeApplication;
import static cn.org.kczg.teams.registration.Fixtures.createDraft;
import static cn.org.kczg.teams.registration.Fixtures.registerLeadUnit;
import static cn.org.kczg.teams.registration.Fixtures.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 21: a lifted ban (an operator's in review-service, or an upheld appeal in evaluation) stops nothing. */
@QuarkusTest
class BanLiftingTests {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aLeadUnitWhoseBanWasLiftedMaySubmitAgain() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String id = createDraft(unit, completeApplication(uniqueName("解除禁止")));
        Instant era = Fixtures.newEra();
        Fixtures.openWindow(Fixtures.yearOf(era), era);
        TestClock.set(era.plus(Duration.ofDays(1)));
        LocalDate today = era.plus(Duration.ofDays(1)).atZone(BEIJING).toLocalDate();
        UUID ban = UUID.randomUUID();
        send(Topics.EVALUATION, new LeadUnitBanned(ban, unit, "SCIENTIFIC", today.minusDays(5),
                today.minusDays(5).plusYears(3), "学术不端"));
        awaitInForce(unit, today, true);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(409).body("code", equalTo("lead-unit-banned"));

        LeadUnitBanLifted lifted = new LeadUnitBanLifted(ban, unit, "经复核，处分所依据的事实不成立", era);
        send(Topics.EVALUATION, lifted);
        send(Topics.EVALUATION, lifted);
        awaitInForce(unit, today, false);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aLiftThatOvertakesItsBanKeepsTheLateBanFromHolding() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        LocalDate today = LocalDate.now(BEIJING);
        UUID ban = UUID.randomUUID();
        // an operator lifted evaluation's ban in review-service before registration read the ban itself
        send(Topics.REVIEW, new LeadUnitBanLifted(ban, unit, "运营人员复核后解除", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BanCopy.findById(ban) != null));
        send(Topics.EVALUATION, new LeadUnitBanned(ban, unit, "LEGAL", today.minusDays(1), today.minusDays(1)
                .plusYears(3), "违法经营"));
        // a later, long expired ban of the unit on the same partition tells when the first was read
        UUID marker = UUID.randomUUID();
        send(Topics.EVALUATION, new LeadUnitBanned(marker, unit, "LEGAL", LocalDate.of(2001, 1, 1),
                LocalDate.of(2004, 1, 1), "旧案"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BanCopy.findById(marker) != null));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> BanCopy.inForce(unit, today).isEmpty()));
    }

    private static void awaitInForce(String unit, LocalDate day, boolean inForce) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BanCopy.inForce(unit, day).isPresent() == inForce));
    }

    private static void send(String topic, EventPayload payload) {
        var envelope = EventJson.envelope(payload, topic.startsWith("review") ? "review-service" : "evaluation-service",
                "test", Instant.now());
        KafkaTestClient.produce(topic, envelope.aggregateId(), EventJson.write(envelope));
    }
}
