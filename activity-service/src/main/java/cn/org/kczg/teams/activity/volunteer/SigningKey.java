package cn.org.kczg.teams.activity.volunteer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The platform's key for credentials: signs compact JWS (ES256) and publishes its public half as a JWK, so anyone
 * verifies a certificate offline.
 */
@ApplicationScoped
@Startup
public class SigningKey {
    private static final Logger LOG = Logger.getLogger(SigningKey.class);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    CredentialsConfig config;
    @Inject
    ObjectMapper json;

    private PrivateKey privateKey;
    private Map<String, Object> jwk;
    private String kid;

    @PostConstruct
    void load() {
        try {
            ECPrivateKey key;
            if (config.signingKeyLocation().isPresent()) {
                key = read(Path.of(config.signingKeyLocation().get()));
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                key = (ECPrivateKey) generator.generateKeyPair().getPrivate();
                LOG.warn("kczg.credentials.signing-key-location is not set: credentials are signed with an ephemeral "
                        + "key made at start (development only); they stop verifying when the service restarts");
            }
            privateKey = key;
            ECPublicKey publicKey = publicHalf(key);
            String x = B64URL.encodeToString(unsigned(publicKey.getW().getAffineX()));
            String y = B64URL.encodeToString(unsigned(publicKey.getW().getAffineY()));
            // RFC 7638 thumbprint: the required members in lexicographic order, no whitespace
            String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
            kid = B64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("kty", "EC");
            k.put("crv", "P-256");
            k.put("x", x);
            k.put("y", y);
            k.put("kid", kid);
            k.put("use", "sig");
            k.put("alg", "ES256");
            jwk = Map.copyOf(k);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("kczg.credentials.signing-key-location must name a PKCS#8 PEM EC P-256 "
                    + "private key", e);
        }
    }

    public String kid() {
        return kid;
    }

    /** The JWK Set of the public key (RFC 7517). */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(jwk));
    }

    /** A compact JWS (RFC 7515) over the JSON of {@code payload}, with {@code typ} in its protected header. */
    public String sign(String typ, Object payload) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("kid", kid);
        header.put("typ", typ);
        try {
            String signingInput = B64URL.encodeToString(json.writeValueAsBytes(header)) + "."
                    + B64URL.encodeToString(json.writeValueAsBytes(payload));
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signature.sign());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    private static ECPrivateKey read(Path pem) throws GeneralSecurityException {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kczg.credentials.signing-key-location " + pem, e);
        }
        String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        if (key.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new GeneralSecurityException("not a P-256 key");
        }
        return key;
    }

    /** Q = d·G on the key's own curve: a PKCS#8 file need not carry the public point. */
    private static ECPublicKey publicHalf(ECPrivateKey key) throws GeneralSecurityException {
        ECParameterSpec params = key.getParams();
        ECPoint q = EcArithmetic.multiply(params, key.getS());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, params));
    }

    /** A coordinate as the 32 big-endian bytes a JWK carries (no sign byte, leading zeros kept). */
    private static byte[] unsigned(BigInteger coordinate) {
        byte[] bytes = coordinate.toByteArray();
        byte[] fixed = new byte[32];
        int n = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - n, fixed, 32 - n, n);
        return fixed;
    }
}
