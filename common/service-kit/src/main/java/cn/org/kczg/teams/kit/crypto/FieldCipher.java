package cn.org.kczg.teams.kit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Authenticated encryption of a text field: {@code v1:<keyId>:<alg>:<base64(iv ‖ ciphertext ‖ tag)>}, a random 96-bit
 * IV, a 128-bit tag, and {@code v1:<keyId>:<alg>:<table.column>} as associated data — a value moved to another column
 * or relabelled with another key id does not decrypt. New values go under the current key and cipher; a value is
 * read with whichever key and cipher it names, so keys rotate without downtime ({@link ReencryptionJob}).
 * <p>
 * A value without the {@code v1:} prefix is one written before encryption: read as it is until the job has sealed it.
 */
public final class FieldCipher {
    static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, byte[]> keys;
    private final String currentKey;
    private final FieldAlgorithm algorithm;
    private final String currentPrefix;

    /** The value could not be decrypted: unknown key, damaged or tampered with. Never says the value. */
    public static final class UndecryptableException extends IllegalStateException {
        UndecryptableException(String message) {
            super(message);
        }
    }

    public FieldCipher(Map<String, byte[]> keys, String currentKey, FieldAlgorithm algorithm) {
        keys.keySet().forEach(id -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key id '" + id + "': letters, digits and '-', at most 40");
            }
        });
        byte[] current = keys.get(currentKey);
        if (current == null) {
            throw new IllegalArgumentException("kczg.crypto.current-key '" + currentKey + "' is not among the keys "
                    + keys.keySet());
        }
        if (current.length != algorithm.keyBytes()) {
            throw new IllegalArgumentException("key '" + currentKey + "' has " + current.length + " bytes; "
                    + algorithm.label() + " needs " + algorithm.keyBytes());
        }
        this.keys = Map.copyOf(keys);
        this.currentKey = currentKey;
        this.algorithm = algorithm;
        this.currentPrefix = VERSION + ":" + currentKey + ":" + algorithm.label() + ":";
    }

    public String currentKey() {
        return currentKey;
    }

    /** The prefix every value written now starts with: what the job looks for. */
    public String currentPrefix() {
        return currentPrefix;
    }

    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(currentPrefix);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(VERSION + ":");
    }

    /** {@code plain} sealed for {@code column} ("table.column") under the current key; null stays null. */
    public String encrypt(String plain, String column) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = seal(true, algorithm, keys.get(currentKey), iv,
                aad(currentKey, algorithm, column), plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[IV_BYTES + sealed.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return currentPrefix + Base64.getEncoder().encodeToString(out);
    }

    /** The plain text of a value of {@code column}; a value from before encryption as it is; null stays null. */
    public String decrypt(String stored, String column) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        String[] parts = stored.split(":", 4);
        if (parts.length != 4) {
            throw new UndecryptableException(column + ": a malformed sealed value");
        }
        byte[] key = keys.get(parts[1]);
        if (key == null) {
            throw new UndecryptableException(column + ": sealed under key '" + parts[1] + "', which is not configured");
        }
        FieldAlgorithm alg;
        byte[] bytes;
        try {
            alg = FieldAlgorithm.of(parts[2]);
            bytes = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new UndecryptableException(column + ": a malformed sealed value");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8 || key.length != alg.keyBytes()) {
            throw new UndecryptableException(column + ": a malformed sealed value or a key of the wrong size");
        }
        byte[] iv = Arrays.copyOf(bytes, IV_BYTES);
        byte[] body = Arrays.copyOfRange(bytes, IV_BYTES, bytes.length);
        return new String(seal(false, alg, key, iv, aad(parts[1], alg, column), body), StandardCharsets.UTF_8);
    }

    private static byte[] aad(String keyId, FieldAlgorithm alg, String column) {
        return (VERSION + ":" + keyId + ":" + alg.label() + ":" + column).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] seal(boolean encrypt, FieldAlgorithm alg, byte[] key, byte[] iv, byte[] aad, byte[] in) {
        if (alg == FieldAlgorithm.AES_GCM) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(TAG_BITS, iv));
                cipher.updateAAD(aad);
                return cipher.doFinal(in);
            } catch (AEADBadTagException e) {
                throw new UndecryptableException("the authentication tag does not match: the value was altered");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, iv, aad));
        byte[] out = new byte[gcm.getOutputSize(in.length)];
        int n = gcm.processBytes(in, 0, in.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new UndecryptableException("the authentication tag does not match: the value was altered");
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
