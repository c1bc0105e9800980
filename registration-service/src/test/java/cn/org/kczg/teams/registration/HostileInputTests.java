package cn.org.kczg.teams.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a hostile caller sends answers 400 naming what was wrong, never 500, and nothing is stored. */
@QuarkusTest
class HostileInputTests {
    private static final String OPERATOR = TestTokens.token("operator");

    @Test
    void controlCharactersInABodyAre400NamingTheField() {
        for (String name : new String[] {"a\u0000b", "\u0000", "单位\u001b", "a\ud800b"}) {
            given().auth().oauth2(OPERATOR).contentType("application/json; charset=UTF-8")
                    .body("{\"creditCode\":\"" + Fixtures.newCreditCode() + "\",\"name\":\"" + escape(name)
                            + "\",\"category\":\"OTHER\",\"contact\":{\"name\":\"王敏\",\"phone\":\"010-68571234\","
                            + "\"email\":\"wm@example.org.cn\"}}")
                    .when().post("/api/v1/lead-units").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        }
    }

    @Test
    void controlCharactersInQueryAndPathAre400() {
        given().auth().oauth2(OPERATOR).urlEncodingEnabled(false).when().get("/api/v1/lead-units?q=a%00b").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        given().urlEncodingEnabled(false).when().get("/api/v1/public/teams?q=a%00b").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(OPERATOR).urlEncodingEnabled(false).when().get("/api/v1/lead-units/%00").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("path"));
    }

    @Test
    void aPageBeyondTheLastPossibleOneIs400() {
        for (String path : new String[] {"/api/v1/teams", "/api/v1/lead-units", "/api/v1/public/teams"}) {
            given().auth().oauth2(OPERATOR).queryParam("page", 21474837).queryParam("size", 100).when().get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("page"));
        }
    }

    @Test
    void anUnboundedNumberIsRefusedBeforeItCanPoisonReads() {
        String unit = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        Map<String, Object> body = Fixtures.completeApplication(Fixtures.uniqueName("超大预算"));
        String json = cn.org.kczg.teams.events.EventJson.write(body)
                .replaceFirst("\"yearlyBudget\":500000", "\"yearlyBudget\":1e100000");
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/applications").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("resourcesCommitted.yearlyBudget"))
                .body("detail", containsString("10^15"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/applications").then().statusCode(200);
    }

    @Test
    void anExpiredTokenOrOneIssuedInTheFutureIs401() {
        long now = System.currentTimeMillis() / 1000;
        String expired = TestTokens.sign(TestTokens.builder("operator").issuedAt(now - 600).expiresAt(now - 30));
        String fromTheFuture = TestTokens.sign(TestTokens.builder("operator").issuedAt(now + 3600).expiresAt(now + 7200));
        String fresh = TestTokens.sign(TestTokens.builder("operator").issuedAt(now - 3).expiresAt(now + 300));
        for (String token : new String[] {expired, fromTheFuture}) {
            given().auth().oauth2(token).when().get("/api/v1/lead-units").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(fresh).when().get("/api/v1/lead-units").then().statusCode(200);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
