package cn.org.kczg.teams.registration.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TEAM and APPLICATION of docs/personal-data.md, enforced: three years after the end, and not a day before. */
@QuarkusTest
class RetentionPurgeTests {
    private static final String OPERATOR = TestTokens.token("operator");

    @Inject
    RetentionPurge purge;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void anEndedTeamsPeopleGoThreeYearsAfterItEndedTheTeamStays() {
        String unit = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        String team = Fixtures.activeTeam(unit, Fixtures.uniqueName("保留期限"));
        Instant revoked = Instant.parse("2027-03-01T00:00:00Z");
        TestClock.set(revoked);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "连续两年未开展活动"))
                .when().post("/api/v1/teams/" + team + "/revoke").then().statusCode(200);

        TestClock.set(revoked.plus(Duration.ofDays(3 * 365)));
        purge.purge();
        given().auth().oauth2(OPERATOR).when().get("/api/v1/teams/" + team).then().statusCode(200)
                .body("handler.name", equalTo("赵强")).body("members.name", hasItem("张伟"));

        TestClock.set(revoked.plus(Duration.ofDays(3 * 365 + 2)));
        purge.purge();
        given().auth().oauth2(OPERATOR).when().get("/api/v1/teams/" + team).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("handler.name", equalTo("已删除"))
                .body("handler.phone", nullValue()).body("handler.userId", equalTo("erased"))
                .body("members.name", everyItem(equalTo("已删除"))).body("members.field", hasItem("机械工程"));
    }

    @Test
    void aRejectedApplicationsPeopleGoThreeYearsAfterTheDecision() {
        String unit = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        String application = Fixtures.createDraft(unit, Fixtures.completeApplication(Fixtures.uniqueName("驳回保留")));
        Fixtures.submitInOwnWindow(unit, application);
        Fixtures.decide(application, unit, ReviewDecided.Decision.REJECTED, "不符合条件");
        Fixtures.awaitStatus(unit, application, "REJECTED");
        String decidedAt = given().auth().oauth2(OPERATOR).when().get("/api/v1/applications/" + application).then()
                .extract().path("decidedAt");
        Instant decided = Instant.parse(decidedAt);

        TestClock.set(decided.plus(Duration.ofDays(3 * 365 - 2)));
        purge.purge();
        given().auth().oauth2(OPERATOR).when().get("/api/v1/applications/" + application).then()
                .body("handler.name", equalTo("赵强"));

        TestClock.set(decided.plus(Duration.ofDays(3 * 365 + 2)));
        purge.purge();
        given().auth().oauth2(OPERATOR).when().get("/api/v1/applications/" + application).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("handler.name", equalTo("已删除"))
                .body("handler.email", nullValue()).body("members.name", everyItem(equalTo("已删除")));
    }
}
