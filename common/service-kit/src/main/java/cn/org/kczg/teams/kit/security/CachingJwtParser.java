package cn.org.kczg.teams.kit.security;

import cn.org.kczg.teams.platform.security.Sm2JwtParser;
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
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The services' JWT parser (Quarkus' authentication uses {@link #parse(String)}): SmallRye's, with every token it
 * verified kept in {@link VerifiedTokens} until it expires — the gateway has just checked the same token, and
 * clients send one token for many requests. What SmallRye refuses is never kept. A token signed SM3withSM2 is
 * verified by {@link Sm2JwtParser} under the same claim rules (issue 24, 商用密码).
 */
@Alternative
@Priority(1)
@Singleton
public class CachingJwtParser implements JWTParser {
    private static final int CAPACITY = 2_000;

    private final JWTParser verifier;
    private final VerifiedTokens verified;
    private final Sm2JwtParser sm2;

    @Inject
    public CachingJwtParser(JWTAuthContextInfo context) {
        this.verifier = new DefaultJWTParser(context);
        this.verified = new VerifiedTokens(CAPACITY, context.getTokenAge() == null ? 0 : context.getTokenAge());
        this.sm2 = Sm2JwtParser.fromConfig(ConfigProvider.getConfig());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token, System.currentTimeMillis() / 1000);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = Sm2JwtParser.handles(token)
                ? sm2.parse(token, System.currentTimeMillis() / 1000)
                : verifier.parse(token);
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
