package cn.org.kczg.teams.activity.complaint;

import java.security.SecureRandom;

/**
 * A complaint's receipt code: 12 random characters of Crockford's base32 (no I, L, O, U: nothing to misread when
 * copied by hand) in three groups, {@code 7KQ2-M9XD-4RTB} — 60 bits, so nobody finds another's complaint by trying.
 */
final class Receipts {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Receipts() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** A code as a person may type it: lower case, without dashes, O for 0, I and L for 1; null if it cannot be one. */
    static String normalise(String typed) {
        String plain = typed.strip().toUpperCase().replace("-", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
        if (!plain.matches("[0-9A-HJKMNP-TV-Z]{12}")) {
            return null;
        }
        return plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8);
    }
}
