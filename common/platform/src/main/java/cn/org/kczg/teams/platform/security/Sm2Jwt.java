package cn.org.kczg.teams.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.eclipse.microprofile.config.Config;

/**
 * JWTs signed with SM2 over SM3 (GB/T 32918, GM/T 0003), for an identity provider under 商用密码 rules. JOSE has no
 * registered name for it; the header says {@code "alg":"SM3withSM2"}, as GM/T 0101-style tokens do, and the signature
 * is r‖s, 32 bytes each (as ES256 in RFC 7518 §3.4, not DER), over the ASCII of {@code header.payload} with the
 * default SM2 user id {@value #USER_ID} (GM/T 0009; BouncyCastle's and OpenSSL 3's default too).
 * <p>
 * The claims are checked as SmallRye JWT checks an RS256 token, from the same configuration: {@code iss}
 * ({@code mp.jwt.verify.issuer}), {@code aud} ({@code mp.jwt.verify.audiences}), {@code exp} and {@code nbf} with
 * {@code mp.jwt.verify.clock.skew}, {@code iat} no older than {@code mp.jwt.verify.token.age} and not in the future,
 * and a subject. The key: {@code kczg.jwt.sm2.publickey.location}, a PEM public key file ({@code classpath:} too);
 * without it (unset, or no such file) SM2 tokens are refused and RS256 works as before.
 */
public final class Sm2Jwt {
    public static final String ALGORITHM = "SM3withSM2";
    public static final String USER_ID = "1234567812345678";
    public static final String KEY_LOCATION = "kczg.jwt.sm2.publickey.location";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder B64URL_OUT = Base64.getUrlEncoder().withoutPadding();

    private final ECPublicKeyParameters key;
    private final Rules rules;

    /** What a token's claims must satisfy; {@code audiences} empty and {@code tokenAge} null check nothing. */
    public record Rules(String issuer, Set<String> audiences, long clockSkewSeconds, Long tokenAgeSeconds) {
        public static Rules from(Config config) {
            return new Rules(config.getOptionalValue("mp.jwt.verify.issuer", String.class).orElse(null),
                    config.getOptionalValue("mp.jwt.verify.audiences", String.class).stream()
                            .flatMap(list -> Stream.of(list.split(","))).map(String::trim)
                            .filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                    config.getOptionalValue("mp.jwt.verify.clock.skew", Long.class).orElse(60L),
                    config.getOptionalValue("mp.jwt.verify.token.age", Long.class).orElse(null));
        }
    }

    /** The token is not a valid SM2 token under the rules; the message names the rule, never a claim's value. */
    public static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message);
        }
    }

    public Sm2Jwt(ECPublicKeyParameters key, Rules rules) {
        this.key = key;
        this.rules = rules;
    }

    /** The verifier the configuration asks for, if {@value #KEY_LOCATION} is set. */
    public static Optional<Sm2Jwt> fromConfig(Config config) {
        return config.getOptionalValue(KEY_LOCATION, String.class).filter(l -> !l.isBlank())
                .flatMap(location -> at(location, Rules.from(config)));
    }

    /**
     * The verifier of the key at {@code location}; none when it names a file that does not exist — the Kubernetes
     * manifests mount the identity provider's SM2 key from an optional Secret key, so a provider without SM2 leaves
     * SM2 tokens refused and RS256 working. A file that exists but holds no SM2 public key still stops the start.
     */
    public static Optional<Sm2Jwt> at(String location, Rules rules) {
        if (!location.startsWith("classpath:") && !Files.exists(Path.of(location))) {
            System.getLogger(Sm2Jwt.class.getName()).log(System.Logger.Level.INFO,
                    "no SM2 public key at " + location + " (" + KEY_LOCATION + "): SM3withSM2 tokens are refused");
            return Optional.empty();
        }
        return Optional.of(new Sm2Jwt(publicKey(read(location)), rules));
    }

    /** Whether the token's header names {@value #ALGORITHM} (cheap: no signature is checked). */
    public static boolean isSm2(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            JsonNode header = JSON.readTree(B64URL.decode(token.substring(0, dot)));
            return header != null && ALGORITHM.equals(header.path("alg").asText(null));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The payload (JSON) of a token whose SM2 signature and claims check out at {@code nowSeconds}. */
    public String verify(String token, long nowSeconds) throws InvalidTokenException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("not a signed JWT");
        }
        JsonNode header = decode(parts[0]);
        if (!ALGORITHM.equals(header.path("alg").asText(null)) || header.has("crit")) {
            throw new InvalidTokenException("not an " + ALGORITHM + " token");
        }
        byte[] signature;
        try {
            signature = B64URL.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("signature is not base64url");
        }
        if (signature.length != 64 || !verifies(key, ascii(parts[0] + "." + parts[1]), signature)) {
            throw new InvalidTokenException("signature does not verify");
        }
        JsonNode claims = decode(parts[1]);
        checkClaims(claims, nowSeconds);
        return new String(B64URL.decode(parts[1]), StandardCharsets.UTF_8);
    }

    private void checkClaims(JsonNode claims, long now) throws InvalidTokenException {
        if (rules.issuer() != null && !rules.issuer().equals(claims.path("iss").asText(null))) {
            throw new InvalidTokenException("issuer is not the expected one");
        }
        if (!rules.audiences().isEmpty()) {
            JsonNode aud = claims.path("aud");
            boolean expected = aud.isArray()
                    ? Stream.iterate(0, i -> i < aud.size(), i -> i + 1)
                            .anyMatch(i -> rules.audiences().contains(aud.get(i).asText()))
                    : aud.isTextual() && rules.audiences().contains(aud.asText());
            if (!expected) {
                throw new InvalidTokenException("audience is not an expected one");
            }
        }
        long skew = rules.clockSkewSeconds();
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() + skew < now) {
            throw new InvalidTokenException("expired or without exp");
        }
        if (claims.has("nbf") && (!claims.path("nbf").canConvertToLong() || claims.path("nbf").asLong() > now + skew)) {
            throw new InvalidTokenException("not yet valid");
        }
        if (!claims.path("iat").canConvertToLong()) {
            throw new InvalidTokenException("without iat");
        }
        long iat = claims.path("iat").asLong();
        if (TokenTimes.issuedInTheFuture(iat, now)) {
            throw new InvalidTokenException("issued in the future");
        }
        if (rules.tokenAgeSeconds() != null && iat + rules.tokenAgeSeconds() + skew < now) {
            throw new InvalidTokenException("older than the allowed token age");
        }
        if (Stream.of("sub", "upn", "preferred_username").noneMatch(c -> claims.path(c).isTextual())) {
            throw new InvalidTokenException("without a subject");
        }
    }

    /** SM2 over SM3 with the default user id, the signature as r‖s. */
    public static boolean verifies(ECPublicKeyParameters key, byte[] message, byte[] rs) {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(false, new ParametersWithID(key, ascii(USER_ID)));
        signer.update(message, 0, message.length);
        return signer.verifySignature(rs);
    }

    /** A token signed with {@code key}: for tests and local trials ({@code ./kczg token --sm2} uses OpenSSL). */
    public static String sign(ECPrivateKeyParameters key, String payloadJson) {
        String signingInput = B64URL_OUT.encodeToString(ascii("{\"alg\":\"" + ALGORITHM + "\",\"typ\":\"JWT\"}"))
                + "." + B64URL_OUT.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithID(key, ascii(USER_ID)));
        byte[] input = ascii(signingInput);
        signer.update(input, 0, input.length);
        try {
            return signingInput + "." + B64URL_OUT.encodeToString(signer.generateSignature());
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** An SM2 public key from a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo, curve sm2p256v1). */
    public static ECPublicKeyParameters publicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(Base64.getDecoder().decode(base64));
            if (key instanceof ECPublicKeyParameters ec) {
                return ec;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(KEY_LOCATION + " is not a PEM public key", e);
        }
        throw new IllegalStateException(KEY_LOCATION + " is not an SM2 (elliptic curve) public key");
    }

    private static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = Thread.currentThread().getContextClassLoader()
                        .getResourceAsStream(location.substring("classpath:".length()).replaceFirst("^/", ""))) {
                    if (in == null) {
                        throw new IllegalStateException(KEY_LOCATION + ": no " + location);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(Path.of(location), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(KEY_LOCATION + ": cannot read " + location, e);
        }
    }

    private static JsonNode decode(String part) throws InvalidTokenException {
        try {
            JsonNode node = JSON.readTree(B64URL.decode(part));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException("a token part is not a JSON object");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException("a token part is not base64url JSON");
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
