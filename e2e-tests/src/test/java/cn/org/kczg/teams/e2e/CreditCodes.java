package cn.org.kczg.teams.e2e;

import java.util.concurrent.atomic.AtomicLong;

/** Fresh valid unified social credit codes (GB 32100-2015), so flows sharing one suite never collide. */
final class CreditCodes {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() % 10_000_000_000L * 100);

    private CreditCodes() {
    }

    /** A new code starting with {@code prefix} (4 characters: authority, kind, region's first two digits). */
    static String next(String prefix) {
        String body = prefix + String.format("%013d", NEXT.incrementAndGet() % 10_000_000_000_000L);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        return body + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
