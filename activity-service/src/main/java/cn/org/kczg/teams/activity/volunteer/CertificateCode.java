package cn.org.kczg.teams.activity.volunteer;

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
        String n = name.strip();
        int[] cps = n.codePoints().toArray();
        if (cps.length <= 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(cps.length - 2));
        return masked.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
