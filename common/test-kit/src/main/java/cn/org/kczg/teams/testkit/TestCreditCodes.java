package cn.org.kczg.teams.testkit;

import java.util.concurrent.atomic.AtomicLong;

/** Fresh, valid 统一社会信用代码 (GB 32100 check character), different on every call and every run. */
public final class TestCreditCodes {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicLong SEQ = new AtomicLong(Math.abs(System.nanoTime()) % 1_000_000_000_000L);

    private TestCreditCodes() {
    }

    /** A code starting with {@code prefix} (4 characters: registration authority, type, region start). */
    public static String fresh(String prefix) {
        String body = prefix + String.format("%013d", SEQ.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return body + ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
