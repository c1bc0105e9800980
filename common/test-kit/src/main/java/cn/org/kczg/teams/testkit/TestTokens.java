package cn.org.kczg.teams.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Mints RS256 tokens shaped like the platform's (issuer, audience, {@code groups}, {@code org},
 * {@code teams}, {@code partner}) with a key pair made per test JVM.
 */
public final class TestTokens {
    public static final String ISSUER = "https://kczg.org.cn";
    public static final String AUDIENCE = "kczg-teams";
    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static String token(String role) {
        return builder(role).sign(KEYS.getPrivate());
    }

    public static String leadUnit(String creditCode) {
        return builder("lead-unit").claim("org", creditCode).sign(KEYS.getPrivate());
    }

    public static String handler(String subject, String... teamIds) {
        return builder("handler").subject(subject).claim("teams", List.of(teamIds)).sign(KEYS.getPrivate());
    }

    public static String partner(String partnerId) {
        return builder("partner").claim("partner", partnerId).sign(KEYS.getPrivate());
    }

    /** For tokens the helpers above do not cover; sign with {@link #sign}. */
    public static JwtClaimsBuilder builder(String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("test-" + roles[0]).groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(KEYS.getPrivate());
    }

    /** A token signed by a key nobody trusts. */
    public static String forged(String role) {
        return builder(role).sign(generate().getPrivate());
    }

    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("kczg-test-jwt", ".pem");
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
                publicKeyFile.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
