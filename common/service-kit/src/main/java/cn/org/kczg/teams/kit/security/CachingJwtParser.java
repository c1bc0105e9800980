package cn.org.kczg.teams.kit.security;

import cn.org.kczg.teams.platform.security.VerifiedTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.PrivateKey;
import java.security.PublicKey;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The services' JWT parser (Quarkus' authentication uses {@link #parse(String)}): SmallRye's, with every token it
 * verified kept in {@link VerifiedTokens} until it expires — the gateway has just checked the same token, and
 * clients send one token for many requests. What SmallRye refuses is never kept.
 */
@Alternative
@Priority(1)
@Singleton
public class CachingJwtParser implements JWTParser {
    private static final int CAPACITY = 2_000;

    private final JWTParser verifier;
    private final VerifiedTokens verified;

    @Inject
    public CachingJwtParser(JWTAuthContextInfo context) {
        this.verifier = new DefaultJWTParser(context);
        this.verified = new VerifiedTokens(CAPACITY, context.getTokenAge() == null ? 0 : context.getTokenAge());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token, System.currentTimeMillis() / 1000);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = verifier.parse(token);
        verified.put(token, checked);
        return checked;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
