package cn.org.kczg.teams.review.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.LeadUnitUpdated;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EligibilityRecheckTests {
    @Test
    void aCorrectedCategoryGoesBackThroughTheEligibilityCheckOfOpenCases() {
        String unit = ReviewEvents.newCreditCode();
        ReviewEvents.publish(new LeadUnitRegistered(unit, "某单位", "OTHER"));
        UUID applicationId = UUID.randomUUID();
        ReviewEvents.publish(ReviewEvents.submitted(applicationId, unit, "OTHER", Instant.now()));
        String caseId = ReviewEvents.awaitCase(applicationId);
        given().auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/reviews/" + caseId)
                .then().body("checks[0].name", equalTo("ELIGIBILITY")).body("checks[0].passed", equalTo(false));

        ReviewEvents.publish(new LeadUnitUpdated(unit, "某省学会", "PROVINCIAL_SOCIETY", "OTHER"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/reviews/" + caseId).then()
                .body("checks[0].name", equalTo("ELIGIBILITY")).body("checks[0].passed", equalTo(true))
                .body("category", equalTo("PROVINCIAL_SOCIETY")));
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("aggregateId", caseId)
                .queryParam("action", "review.eligibility-rechecked").when().get("/api/v1/audit-trail/review")
                .then().statusCode(200).body("items[0].reason", containsString("OTHER → PROVINCIAL_SOCIETY"));
        given().auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/eligibility/" + unit).then()
                .body("category", equalTo("PROVINCIAL_SOCIETY")).body("eligible", equalTo(true));
    }
}
