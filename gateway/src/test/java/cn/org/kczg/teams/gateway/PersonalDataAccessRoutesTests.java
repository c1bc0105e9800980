package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The merged list's own checks, before any service is asked (the merge itself: AccessMergeTest, and e2e). */
@QuarkusTest
@WithTestResource(EchoBackendResource.class)
@WithTestResource(JwtKeyResource.class)
class PersonalDataAccessRoutesTests {
    static final String LIST = "/api/v1/audit/personal-data-access";

    @Test
    void onlyTheAuditorReadsTheMergedList() {
        given().when().get(LIST).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("operator")).when().get(LIST).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("auditor")).when().post(LIST).then().statusCode(405);
    }

    @Test
    void pagesReachAHundredEntriesDeep() {
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("page", 5).queryParam("size", 20).when()
                .get(LIST).then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("size", 101).when().get(LIST).then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void eachAreaIsRoutedToItsService() {
        // the echo backend stands in for registration-service
        given().auth().oauth2(TestTokens.token("auditor")).when().get(LIST + "/registration").then()
                .statusCode(200).body("method", equalTo("GET"));
    }
}
