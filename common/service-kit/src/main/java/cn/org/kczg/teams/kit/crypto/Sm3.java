package cn.org.kczg.teams.kit.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** SM3 (GB/T 32905) and HMAC-SM3 as lower-case hex, from BouncyCastle. */
public final class Sm3 {
    private Sm3() {
    }

    public static String hex(String text) {
        SM3Digest digest = new SM3Digest();
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        digest.update(in, 0, in.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    public static String hmacHex(byte[] key, String text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
