package cn.org.kczg.teams.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.JwtKeyResource;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The operator console's files, its single-page routes, its sign-in settings and its content policy. */
@QuarkusTest
@WithTestResource(EchoBackendResource.class)
@WithTestResource(JwtKeyResource.class)
class ConsoleRoutesTests {
    @Test
    void thePageIsServedForTheConsoleAndEveryRouteInItWithAPolicyThatRunsOnlyItsOwnFiles() {
        for (String path : new String[] {"/console/", "/console/reviews", "/console/tickets/abc"}) {
            given().redirects().follow(false).when().get(path).then().statusCode(200)
                    .contentType(startsWith("text/html")).header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", "DENY").body(containsString("运营控制台（测试）"));
        }
        given().redirects().follow(false).when().get("/console").then().statusCode(302)
                .header("Location", "/console/");
        given().when().get("/console/assets/app-1a2b3c.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("控制台"));
    }

    @Test
    void aFileThatIsNotThereIsAProblemNotThePage() {
        given().when().get("/console/assets/missing-0000.js").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/console/favicon.png").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void withoutAnIdentityProviderTheConsoleSignsInWithAToken() {
        given().when().get("/console/config.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body("oidc", nullValue()).body("tokenSignIn", equalTo(true));
    }

    @Test
    void theIdentityProvidersOriginIsTheOnlyOtherPlaceThePageMayTalkTo() {
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: "
                + "blob:; connect-src 'self' https://id.kczg.org.cn; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'", ConsoleRoutes.policy("https://id.kczg.org.cn/realms/kczg"));
        assertEquals(true, ConsoleRoutes.policy(null).contains("connect-src 'self';"));
    }

    @Test
    void onlyOperatorsSeeTheOutboxes() {
        given().when().get("/api/v1/outbox").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/outbox").then().statusCode(403)
                .body("code", equalTo("forbidden"));
    }
}
