package cn.org.kczg.teams.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the real SmallRye verifier: a good token is verified once, a bad one every time and never kept. */
class CachingJwtParserTest {
    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    private static CachingJwtParser parser() {
        JWTAuthContextInfo context = new JWTAuthContextInfo((RSAPublicKey) keys.getPublic(), "https://kczg.org.cn");
        context.setTokenAge(86_400L);
        return new CachingJwtParser(context);
    }

    private static String token(KeyPair signer) {
        return Jwt.issuer("https://kczg.org.cn").subject("zhao.qiang").groups("handler").expiresIn(300)
                .sign(signer.getPrivate());
    }

    @Test
    void aGoodTokenIsVerifiedOnceAndThenTakenFromTheCache() throws Exception {
        CachingJwtParser parser = parser();
        String token = token(keys);
        JsonWebToken first = parser.parse(token);
        assertEquals("zhao.qiang", first.getSubject());
        assertSame(first, parser.parse(token), "the second use is not verified again");
        assertNotSame(first, parser().parse(token), "each parser has its own cache");
    }

    @Test
    void aForgedTokenIsRefusedEveryTime() {
        CachingJwtParser parser = parser();
        String forged = token(otherKeys);
        assertThrows(ParseException.class, () -> parser.parse(forged));
        assertThrows(ParseException.class, () -> parser.parse(forged));
    }
}
