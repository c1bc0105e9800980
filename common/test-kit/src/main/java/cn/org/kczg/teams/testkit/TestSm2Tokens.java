package cn.org.kczg.teams.testkit;

import cn.org.kczg.teams.platform.security.Sm2Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** SM3withSM2 tokens ({@link Sm2Jwt}) shaped like {@link TestTokens}' RS256 ones, with an SM2 key pair per test JVM. */
public final class TestSm2Tokens {
    private static final AsymmetricCipherKeyPair KEYS = generate();
    private static Path publicKeyFile;

    private TestSm2Tokens() {
    }

    public static String token(String role) {
        long now = System.currentTimeMillis() / 1000;
        return Sm2Jwt.sign((ECPrivateKeyParameters) KEYS.getPrivate(), "{\"iss\":\"" + TestTokens.ISSUER
                + "\",\"aud\":\"" + TestTokens.AUDIENCE + "\",\"sub\":\"test-sm2-" + role + "\",\"groups\":[\"" + role
                + "\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
    }

    /** The same token with another role in its payload: the signature no longer matches. */
    public static String tampered(String role, String otherRole) {
        String[] parts = token(role).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"groups\":[\"" + role + "\"]", "\"groups\":[\"" + otherRole + "\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("kczg-test-sm2", ".pem");
                byte[] der = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(KEYS.getPublic()).getEncoded();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                        + "\n-----END PUBLIC KEY-----\n");
                publicKeyFile.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    private static AsymmetricCipherKeyPair generate() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1,
                GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1)), new SecureRandom()));
        return generator.generateKeyPair();
    }
}
