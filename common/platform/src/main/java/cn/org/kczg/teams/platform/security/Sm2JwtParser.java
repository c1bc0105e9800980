package cn.org.kczg.teams.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Where the gateway and the services parse a token: an {@link Sm2Jwt#ALGORITHM} token goes here, every other one to
 * SmallRye as before. The token it answers is SmallRye's own kind, so groups, subject and claims read the same.
 */
public final class Sm2JwtParser {
    private final Optional<Sm2Jwt> verifier;

    public Sm2JwtParser(Optional<Sm2Jwt> verifier) {
        this.verifier = verifier;
    }

    public static Sm2JwtParser fromConfig(Config config) {
        return new Sm2JwtParser(Sm2Jwt.fromConfig(config));
    }

    public static boolean handles(String token) {
        return Sm2Jwt.isSm2(token);
    }

    public JsonWebToken parse(String token, long nowSeconds) throws ParseException {
        if (verifier.isEmpty()) {
            throw new ParseException("SM2 tokens are not accepted: " + Sm2Jwt.KEY_LOCATION + " is not set");
        }
        try {
            return new DefaultJWTCallerPrincipal(token, "JWT", JwtClaims.parse(verifier.get().verify(token, nowSeconds)));
        } catch (Sm2Jwt.InvalidTokenException e) {
            throw new ParseException("SM2 token refused: " + e.getMessage());
        } catch (InvalidJwtException e) {
            // its message quotes the claims: never logged
            throw new ParseException("SM2 token refused: claims are not a JWT claims set");
        }
    }
}
