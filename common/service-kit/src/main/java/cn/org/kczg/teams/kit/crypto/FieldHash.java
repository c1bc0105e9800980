package cn.org.kczg.teams.kit.crypto;

import java.util.Locale;
import java.util.function.Function;

/**
 * A keyed hash of a field for equality lookups beside its sealed value (a sealed value differs on every write, so it
 * cannot be searched): HMAC-SHA256 by default, HMAC-SM3 when configured, over the value {@link #normalised} — without
 * the key nobody can test guesses of a phone number against it.
 */
public final class FieldHash {
    private final Function<String, String> mac;

    public FieldHash(String algorithm, byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("kczg.crypto.hash-key: at least 16 bytes");
        }
        this.mac = switch (algorithm) {
            case "HMAC-SHA256" -> new HmacSha256(key)::hex;
            case "HMAC-SM3" -> text -> Sm3.hmacHex(key, text);
            default -> throw new IllegalArgumentException("kczg.crypto.hash-algorithm: HMAC-SHA256 or HMAC-SM3");
        };
    }

    /** The hash of the value, or null for none. */
    public String of(String value) {
        return value == null ? null : mac.apply(normalised(value));
    }

    /** What counts as the same contact: case and white space aside (also for comparing sealed values opened). */
    public static String normalised(String value) {
        return value.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
