package cn.org.kczg.teams.gateway.events;

import cn.org.kczg.teams.gateway.InvalidParameter;
/**
 * A type glob ({@code *} any characters, nothing else special), matched without regular expressions: one pass with
 * a single back-up point to the last {@code *}, so the work is bounded by the lengths of glob and text — no input
 * can make it explode (a regex of {@code .*} runs took seconds per event at four stars and never ended at forty).
 */
record Glob(String pattern) {
    static final int MAX_LENGTH = 100;

    Glob {
        if (pattern.length() > MAX_LENGTH) {
            throw new InvalidParameter("type", "events.pattern-length", MAX_LENGTH);
        }
        pattern = pattern.replaceAll("\\*{2,}", "*");
    }

    boolean matches(String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
