package cn.org.kczg.teams.platform.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static JsonWebToken token(long issuedAt, long expires) {
        Map<String, Object> claims = Map.of("iat", issuedAt, "exp", expires, "sub", "zhao.qiang");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "zhao.qiang";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    @Test
    void aVerifiedTokenIsKeptUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10, 0);
        JsonWebToken token = token(1_000, 2_000);
        tokens.put("raw", token);
        assertSame(token, tokens.get("raw", 1_999));
        assertNull(tokens.get("raw", 2_000), "expired");
        assertNull(tokens.get("raw", 1_500), "forgotten once expired");
        assertNull(tokens.get("other", 1_500));
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsNotUsedWhateverItsExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(10, 86_400);
        tokens.put("raw", token(0, 10 * 86_400));
        assertNull(tokens.get("raw", 86_400));
    }

    @Test
    void fullMeansEmptied() {
        VerifiedTokens tokens = new VerifiedTokens(2, 0);
        JsonWebToken token = token(0, 100);
        tokens.put("a", token);
        tokens.put("b", token);
        tokens.put("c", token);
        assertNull(tokens.get("a", 1));
        assertSame(token, tokens.get("c", 1));
    }
}
