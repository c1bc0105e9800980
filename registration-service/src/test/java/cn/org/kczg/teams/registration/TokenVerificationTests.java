package cn.org.kczg.teams.registration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import cn.org.kczg.teams.kit.security.CachingJwtParser;
import cn.org.kczg.teams.testkit.TestSm2Tokens;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The service verifies a token once (the kit's caching parser is the one in use) and still refuses forged ones. */
@QuarkusTest
class TokenVerificationTests {
    @Inject
    JWTParser parser;

    @Test
    void theCachingParserVerifiesAndAForgedTokenStaysRefused() {
        assertInstanceOf(CachingJwtParser.class, ClientProxy.unwrap(parser));
        String token = TestTokens.token("operator");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/lead-units").then().statusCode(200);
            given().auth().oauth2(TestTokens.forged("operator")).when().get("/api/v1/lead-units").then()
                    .statusCode(401);
        }
    }

    @Test
    void anSm2SignedTokenIsAcceptedATamperedOneIs401AndRs256StillWorks() {
        String sm2 = TestSm2Tokens.token("operator");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(sm2).when().get("/api/v1/lead-units").then().statusCode(200);
        }
        given().auth().oauth2(TestSm2Tokens.token("volunteer")).when().get("/api/v1/lead-units").then()
                .statusCode(403);
        given().auth().oauth2(TestSm2Tokens.tampered("volunteer", "operator")).when().get("/api/v1/lead-units")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.token("operator")).when().get("/api/v1/lead-units").then().statusCode(200);
    }
}
