package cn.org.kczg.teams.review.review;

import static cn.org.kczg.teams.review.review.ReviewEvents.awaitCase;
import static cn.org.kczg.teams.review.review.ReviewEvents.newCreditCode;
import static cn.org.kczg.teams.review.review.ReviewEvents.publish;
import static cn.org.kczg.teams.review.review.ReviewEvents.submitted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 24: a write whose reply carries a review case's personal fields is recorded like a read of them. */
@QuarkusTest
class ReviewPersonalDataAccessTests {
    static final String LIST = "/api/v1/audit/personal-data-access/review";

    @Test
    void anOperatorAssigningACaseIsRecordedWithTheFieldsTheReplyCarried() {
        String unit = newCreditCode();
        publish(new LeadUnitRegistered(unit, "单位" + unit.substring(12), "NATIONAL_SOCIETY"));
        UUID application = UUID.randomUUID();
        publish(submitted(application, unit, "NATIONAL_SOCIETY", Instant.now()));
        String id = awaitCase(application);
        String writer = "op-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.sign(TestTokens.builder("operator").subject(writer)))
                .contentType(ContentType.JSON).body(Map.of("reviewer", "reviewer-" + UUID.randomUUID()))
                .when().post("/api/v1/reviews/" + id + "/assign").then().statusCode(200);

        given().auth().oauth2(TestTokens.token("auditor")).queryParam("actor", writer).when().get(LIST).then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].method", equalTo("POST"))
                .body("items[0].objectType", equalTo("review-case"))
                .body("items[0].objectId", equalTo(id))
                .body("items[0].fields", hasItem("claimedBy"))
                .body("items[0].kinds", hasItem("ACCOUNT_ID"));
    }
}
