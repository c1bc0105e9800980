package cn.org.kczg.teams.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sm2JwtTest {
    private static final long NOW = 1_790_000_000L;
    private static final Sm2Jwt.Rules RULES = new Sm2Jwt.Rules("https://kczg.org.cn", Set.of("kczg-teams"), 5, 86_400L);
    private static final AsymmetricCipherKeyPair KEYS = generate();

    static AsymmetricCipherKeyPair generate() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1,
                GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1)), new SecureRandom()));
        return generator.generateKeyPair();
    }

    private static String payload(String iss, long iat, long exp) {
        return "{\"iss\":\"" + iss + "\",\"aud\":\"kczg-teams\",\"sub\":\"dev-operator\",\"groups\":[\"operator\"],"
                + "\"iat\":" + iat + ",\"exp\":" + exp + "}";
    }

    private static Sm2Jwt verifier() {
        return new Sm2Jwt((ECPublicKeyParameters) KEYS.getPublic(), RULES);
    }

    private static String token(String payload) {
        return Sm2Jwt.sign((ECPrivateKeyParameters) KEYS.getPrivate(), payload);
    }

    @Test
    void aTokenSignedWithTheKeyIsAcceptedWithItsClaims() throws Exception {
        String token = token(payload("https://kczg.org.cn", NOW - 60, NOW + 3600));
        assertTrue(Sm2Jwt.isSm2(token));
        assertTrue(verifier().verify(token, NOW).contains("\"sub\":\"dev-operator\""));
    }

    @Test
    void aTamperedPayloadOrSignatureIsRefused() {
        String token = token(payload("https://kczg.org.cn", NOW - 60, NOW + 3600));
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload("https://kczg.org.cn", NOW - 60, NOW + 360_000).getBytes(StandardCharsets.UTF_8));
        assertThrows(Sm2Jwt.InvalidTokenException.class,
                () -> verifier().verify(parts[0] + "." + otherPayload + "." + parts[2], NOW));
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;
        assertThrows(Sm2Jwt.InvalidTokenException.class, () -> verifier().verify(parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature), NOW));
        String byAnotherKey = Sm2Jwt.sign((ECPrivateKeyParameters) generate().getPrivate(),
                payload("https://kczg.org.cn", NOW - 60, NOW + 3600));
        assertThrows(Sm2Jwt.InvalidTokenException.class, () -> verifier().verify(byAnotherKey, NOW));
    }

    @Test
    void theClaimsAreCheckedAsForRs256() {
        assertThrows(Sm2Jwt.InvalidTokenException.class,
                () -> verifier().verify(token(payload("https://evil.example", NOW - 60, NOW + 3600)), NOW));
        assertThrows(Sm2Jwt.InvalidTokenException.class,
                () -> verifier().verify(token(payload("https://kczg.org.cn", NOW - 7200, NOW - 6)), NOW));
        assertThrows(Sm2Jwt.InvalidTokenException.class,
                () -> verifier().verify(token(payload("https://kczg.org.cn", NOW - 90_000, NOW + 3600)), NOW));
        assertThrows(Sm2Jwt.InvalidTokenException.class,
                () -> verifier().verify(token(payload("https://kczg.org.cn", NOW + 60, NOW + 3600)), NOW));
        assertThrows(Sm2Jwt.InvalidTokenException.class, () -> verifier().verify(
                token(payload("https://kczg.org.cn", NOW, NOW + 60).replace("kczg-teams", "other")), NOW));
        assertThrows(Sm2Jwt.InvalidTokenException.class, () -> verifier().verify(
                token(payload("https://kczg.org.cn", NOW, NOW + 60).replace("\"sub\"", "\"who\"")), NOW));
        // within the clock skew: accepted
        assertTrue(assertDoesNotThrow(() -> verifier().verify(
                token(payload("https://kczg.org.cn", NOW - 60, NOW - 4)), NOW)).contains("dev-operator"));
    }

    @Test
    void anRs256HeaderIsNotTakenForSm2() {
        String rs = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII)) + ".e30.c2ln";
        assertFalse(Sm2Jwt.isSm2(rs));
        assertFalse(Sm2Jwt.isSm2("garbage"));
        assertThrows(Sm2Jwt.InvalidTokenException.class, () -> verifier().verify(rs, NOW));
    }

    /** The launcher's `./kczg token --sm2` signs with OpenSSL 3 (SM2 with SM3, default user id): its token verifies. */
    @Test
    void aTokenOfTheLauncherMadeWithOpenSslVerifies(@TempDir Path home) throws Exception {
        assumeTrue(openSslHasSm2(home), "this machine's openssl cannot make SM2 keys");
        Path launcher = Path.of("../../deploy/local/kczg").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "token", "--sm2", "operator", "--sub",
                "sm2-trial").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KCZG_HOME", home.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertEquals(0, process.exitValue());
        Path publicKey = home.resolve("keys/sm2-public.pem");
        Sm2Jwt launcherKey = new Sm2Jwt(Sm2Jwt.publicKey(Files.readString(publicKey)), RULES);
        long now = System.currentTimeMillis() / 1000;
        assertTrue(launcherKey.verify(token, now).contains("\"sub\":\"sm2-trial\""));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("sm2-trial", "sm2-other").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThrows(Sm2Jwt.InvalidTokenException.class, () -> launcherKey.verify(tampered, now));
    }

    private static boolean openSslHasSm2(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "genpkey", "-algorithm", "SM2", "-out",
                dir.resolve("probe.pem").toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> supplier) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(supplier);
    }

    @Test
    void aKeyFileThatIsNotThereLeavesSm2OffButOneThatIsNoKeyStopsTheStart(@TempDir Path dir) throws Exception {
        assertTrue(Sm2Jwt.at(dir.resolve("sm2-public.pem").toString(), RULES).isEmpty(),
                "the manifests mount the SM2 key optionally: a provider without SM2 still starts");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key", StandardCharsets.US_ASCII);
        assertThrows(IllegalStateException.class, () -> Sm2Jwt.at(garbage.toString(), RULES));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(KEYS.getPublic())
                        .getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        Path key = Files.writeString(dir.resolve("sm2.pem"), pem, StandardCharsets.US_ASCII);
        String token = token(payload("https://kczg.org.cn", NOW - 60, NOW + 3600));
        assertTrue(Sm2Jwt.at(key.toString(), RULES).orElseThrow().verify(token, NOW).contains("dev-operator"));
    }
}
