package cn.org.kczg.teams.kit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 (RFC 2104) as lower-case hex: a keyed hash for values from a small space (an IPv4 address is one of
 * 2³²), which a bare {@link Sha256} would not hide — anyone can hash them all; without the key nobody can.
 */
public final class HmacSha256 {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public HmacSha256(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public String hex(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
