package cn.org.kczg.teams.evaluation.metric;

import static io.restassured.RestAssured.given;

import cn.org.kczg.teams.evaluation.Events;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.activity.ActivityCorrected;
import cn.org.kczg.teams.events.activity.ActivityReported;
import cn.org.kczg.teams.events.activity.ActivityWithdrawn;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Issue 21: metrics count a corrected report's new figures and never a withdrawn report, however often told. */
@QuarkusTest
class CorrectedActivityMetricsTests {
    private static final String AUDITOR = TestTokens.token("auditor");
    private static final LocalDate DAY = LocalDate.of(2026, 5, 10);

    private static float value(UUID teamId, int year, String code) {
        JsonPath metrics = given().auth().oauth2(AUDITOR).when().get("/api/v1/teams/" + teamId + "/metrics/" + year)
                .then().statusCode(200).extract().jsonPath();
        Object value = metrics.get("metrics.find { it.metric == '" + code + "' }.value");
        return value == null ? Float.NaN : ((Number) value).floatValue();
    }

    private static void await(UUID teamId, int year, String code, float expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> value(teamId, year, code) == expected);
    }

    private static ActivityReported reported(UUID id, UUID team, String unit, int participants) {
        return new ActivityReported(id, team, unit, 2026, "TECH_TRANSFER", "CONFERENCE", "苏州技术对接会", DAY, DAY,
                "苏州市", null, "PILOT", participants, 10, 2, 1, 0, 5, BigDecimal.ZERO);
    }

    private static ActivityCorrected corrected(UUID id, UUID team, String unit, int year, int participants,
            String category) {
        LocalDate day = DAY.withYear(year);
        return new ActivityCorrected(id, team, unit, year, category, "CONFERENCE", "苏州技术对接会", day, day, "苏州市",
                null, "PILOT", participants, 10, 3, 1, 0, 5, BigDecimal.ZERO, List.of("participants"));
    }

    @Test
    void aCorrectionReplacesTheFiguresAndAWithdrawalRemovesThemOnce() {
        String unit = Events.unique("LU-C");
        UUID team = Events.team(unit, "“科创中国”更正指标测试科技服务团", Instant.parse("2026-01-05T00:00:00Z"));
        UUID kept = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        Events.activity(reported(kept, team, unit, 100));
        Events.activity(reported(dropped, team, unit, 50));
        await(team, 2026, "participants", 150);

        EventEnvelope correction = Events.activity(corrected(kept, team, unit, 2026, 80, "TALENT_ECOSYSTEM"));
        await(team, 2026, "participants", 130);
        await(team, 2026, "outcomes.agreements", 5);
        await(team, 2026, "activities.category.TALENT_ECOSYSTEM", 1);

        EventEnvelope withdrawal = Events.activity(new ActivityWithdrawn(dropped, team, unit, 2026, "重复报送"));
        await(team, 2026, "activities", 1);
        await(team, 2026, "participants", 80);

        // redelivered, the same events change nothing; a correction of a withdrawn report adds nothing back
        Events.send(Topics.ACTIVITY, correction);
        Events.send(Topics.ACTIVITY, withdrawal);
        Events.activity(corrected(dropped, team, unit, 2026, 999, "TECH_TRANSFER"));
        // a later correction moving the kept report into 2025 takes it out of 2026
        Events.activity(corrected(kept, team, unit, 2025, 70, "TECH_TRANSFER"));
        await(team, 2025, "participants", 70);
        await(team, 2026, "activities", 0);
        await(team, 2026, "participants", 0);
        // the drill-down names the correction as the event behind the figures
        given().auth().oauth2(AUDITOR).when().get("/api/v1/teams/" + team + "/metrics/2025/participants").then()
                .statusCode(200).body("items[0].eventType", org.hamcrest.Matchers.equalTo("activity.corrected"))
                .body("items[0].amount", org.hamcrest.Matchers.equalTo(70));
    }
}
