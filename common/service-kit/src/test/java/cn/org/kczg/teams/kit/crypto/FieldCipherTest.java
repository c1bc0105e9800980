package cn.org.kczg.teams.kit.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
    private static final byte[] AES_OLD = bytes(32, 1);
    private static final byte[] AES_NEW = bytes(32, 2);
    private static final byte[] SM4 = bytes(16, 3);
    private static final Map<String, byte[]> KEYS = Map.of("k1", AES_OLD, "k2", AES_NEW, "gm1", SM4);
    private static final String COLUMN = "lead_unit.contact_phone";

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    @Test
    void aesGcmRoundTripsUnderTheCurrentKeyWithAFreshIvEachTime() {
        FieldCipher cipher = new FieldCipher(KEYS, "k2", FieldAlgorithm.AES_GCM);
        String sealed = cipher.encrypt("13800138000", COLUMN);
        assertTrue(sealed.startsWith("v1:k2:AES-GCM:"), sealed);
        assertFalse(sealed.contains("13800138000"));
        assertEquals("13800138000", cipher.decrypt(sealed, COLUMN));
        assertNotEquals(sealed, cipher.encrypt("13800138000", COLUMN), "a random IV per value");
        assertTrue(cipher.isCurrent(sealed));
        assertNull(cipher.encrypt(null, COLUMN));
        assertNull(cipher.decrypt(null, COLUMN));
        // 12-byte IV + 11 bytes + 16-byte tag
        assertEquals(12 + 11 + 16, Base64.getDecoder().decode(sealed.substring("v1:k2:AES-GCM:".length())).length);
    }

    @Test
    void sm4GcmRoundTripsAndChineseTextSurvives() {
        FieldCipher cipher = new FieldCipher(KEYS, "gm1", FieldAlgorithm.SM4_GCM);
        String sealed = cipher.encrypt("王敏 wang@example.cn", COLUMN);
        assertTrue(sealed.startsWith("v1:gm1:SM4-GCM:"), sealed);
        assertEquals("王敏 wang@example.cn", cipher.decrypt(sealed, COLUMN));
    }

    @Test
    void aValueUnderAnOldKeyOrCipherIsReadAfterRotationButIsNotCurrent() {
        String underOld = new FieldCipher(KEYS, "k1", FieldAlgorithm.AES_GCM).encrypt("a@example.cn", COLUMN);
        String underSm4 = new FieldCipher(KEYS, "gm1", FieldAlgorithm.SM4_GCM).encrypt("b@example.cn", COLUMN);
        FieldCipher rotated = new FieldCipher(KEYS, "k2", FieldAlgorithm.AES_GCM);
        assertEquals("a@example.cn", rotated.decrypt(underOld, COLUMN));
        assertEquals("b@example.cn", rotated.decrypt(underSm4, COLUMN));
        assertFalse(rotated.isCurrent(underOld));
        assertFalse(rotated.isCurrent(underSm4));
        FieldCipher withoutTheOldKey = new FieldCipher(Map.of("k2", AES_NEW), "k2", FieldAlgorithm.AES_GCM);
        assertThrows(FieldCipher.UndecryptableException.class, () -> withoutTheOldKey.decrypt(underOld, COLUMN));
    }

    @Test
    void tamperingIsDetectedByTheTag() {
        for (FieldAlgorithm alg : FieldAlgorithm.values()) {
            FieldCipher cipher = new FieldCipher(KEYS, alg == FieldAlgorithm.AES_GCM ? "k2" : "gm1", alg);
            String sealed = cipher.encrypt("13800138000", COLUMN);
            String prefix = sealed.substring(0, sealed.lastIndexOf(':') + 1);
            byte[] body = Base64.getDecoder().decode(sealed.substring(prefix.length()));
            body[14] ^= 0x01; // a ciphertext byte
            assertThrows(FieldCipher.UndecryptableException.class,
                    () -> cipher.decrypt(prefix + Base64.getEncoder().encodeToString(body), COLUMN), alg.label());
            // the same value read as another column's, or relabelled with another key id: the associated data differs
            assertThrows(FieldCipher.UndecryptableException.class,
                    () -> cipher.decrypt(sealed, "complaint.contact"), alg.label());
            String relabelled = sealed.replaceFirst("^v1:[^:]+:", alg == FieldAlgorithm.AES_GCM ? "v1:k1:" : "v1:gm1:");
            if (!relabelled.equals(sealed)) {
                assertThrows(FieldCipher.UndecryptableException.class, () -> cipher.decrypt(relabelled, COLUMN));
            }
            assertThrows(FieldCipher.UndecryptableException.class, () -> cipher.decrypt("v1:k2:AES-GCM:%%%", COLUMN));
        }
    }

    @Test
    void aValueFromBeforeEncryptionIsReadAsItIs() {
        FieldCipher cipher = new FieldCipher(KEYS, "k2", FieldAlgorithm.AES_GCM);
        assertEquals("0512-66881234", cipher.decrypt("0512-66881234", COLUMN));
        assertFalse(cipher.isCurrent("0512-66881234"));
    }

    @Test
    void aKeyOfTheWrongSizeOrAnUnknownCurrentKeyIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(KEYS, "k2", FieldAlgorithm.SM4_GCM));
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(KEYS, "gm1", FieldAlgorithm.AES_GCM));
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(KEYS, "k9", FieldAlgorithm.AES_GCM));
        assertThrows(IllegalArgumentException.class,
                () -> new FieldCipher(Map.of("a:b", AES_NEW), "a:b", FieldAlgorithm.AES_GCM));
    }

    /** GB/T 32907-2016 appendix A, example 1: one block under SM4, the engine SM4-GCM is built on. */
    @Test
    void sm4MatchesTheStandardsTestVector() {
        byte[] key = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        engine.processBlock(key, 0, out, 0);
        assertEquals("681edf34d206965e86b3e94f536e4246", HexFormat.of().formatHex(out));
    }

    /** GB/T 32905-2016 appendix A, example 1. */
    @Test
    void sm3MatchesTheStandardsTestVector() {
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Sm3.hex("abc"));
    }

    @Test
    void theFieldHashIsKeyedNormalisedAndEitherHmacSha256OrHmacSm3() {
        FieldHash sha = new FieldHash("HMAC-SHA256", AES_OLD);
        FieldHash sm3 = new FieldHash("HMAC-SM3", AES_OLD);
        assertEquals(sha.of("Li@Example.cn "), sha.of("li@example.cn"));
        assertEquals(new HmacSha256(AES_OLD).hex("li@example.cn"), sha.of("li@example.cn"));
        assertEquals(Sm3.hmacHex(AES_OLD, "li@example.cn"), sm3.of("li@example.cn"));
        assertNotEquals(sha.of("li@example.cn"), sm3.of("li@example.cn"));
        assertNotEquals(sha.of("li@example.cn"), new FieldHash("HMAC-SHA256", AES_NEW).of("li@example.cn"));
        assertNull(sha.of(null));
        assertThrows(IllegalArgumentException.class, () -> new FieldHash("MD5", AES_OLD));
        assertThrows(IllegalArgumentException.class, () -> new FieldHash("HMAC-SHA256", new byte[8]));
    }

    /** RFC 2104 HMAC over SM3, checked against the construction itself (no published HMAC-SM3 vector in GB/T). */
    @Test
    void hmacSm3IsTheHmacConstructionOverSm3() {
        byte[] key = bytes(16, 7);
        byte[] block = new byte[64];
        System.arraycopy(key, 0, block, 0, key.length);
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            ipad[i] = (byte) (block[i] ^ 0x36);
            opad[i] = (byte) (block[i] ^ 0x5c);
        }
        byte[] inner = sm3(concat(ipad, "abc".getBytes()));
        assertEquals(HexFormat.of().formatHex(sm3(concat(opad, inner))), Sm3.hmacHex(key, "abc"));
    }

    private static byte[] sm3(byte[] in) {
        var digest = new org.bouncycastle.crypto.digests.SM3Digest();
        digest.update(in, 0, in.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
