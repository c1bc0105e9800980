package cn.org.kczg.teams.activity.volunteer;

import cn.org.kczg.teams.platform.privacy.Masking;
import java.security.SecureRandom;

/** Unguessable certificate codes: 20 characters from a 32-letter alphabet without look-alikes (100 bits). */
public final class CertificateCode {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int LENGTH = 20;

    private CertificateCode() {
    }

    public static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** 张伟 → 张*, 欧阳明华 → 欧**华: the public sees who, without the whole name. */
    public static String maskName(String name) {
        return Masking.name(name);
    }
}
