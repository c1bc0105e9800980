package cn.org.kczg.teams.registration.leadunit;

import java.util.Map;

/**
 * Art. 5: an organisation is identified by its unified social credit code (统一社会信用代码,
 * GB 32100-2015): 18 characters from a 31-character alphabet without I, O, S, V and Z, the last a
 * check character computed from the first 17.
 */
public final class CreditCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final int LENGTH = 18;

    private CreditCode() {
    }

    /** The normalised (trimmed, upper-case) code, or why it is not one. */
    public static Result parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Result.error("is required", "kczg.creditCode.required", Map.of());
        }
        String code = raw.trim().toUpperCase();
        if (code.length() != LENGTH) {
            return Result.error("must be 18 characters (统一社会信用代码), got " + code.length(),
                    "kczg.creditCode.length", Map.of("length", code.length()));
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Result.error("character " + (i + 1) + " '" + code.charAt(i)
                        + "' is not allowed: use digits and capital letters except I, O, S, V and Z",
                        "kczg.creditCode.character",
                        Map.of("position", i + 1, "character", shown(code.charAt(i))));
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return Result.error("check character is wrong: a code starting " + code.substring(0, LENGTH - 1)
                    + " ends with " + expected, "kczg.creditCode.check",
                    Map.of("start", code.substring(0, LENGTH - 1), "expected", expected));
        }
        return new Result(code, null, null, Map.of());
    }

    /** A character as it can be put into a validation message (whose templates give braces and $ a meaning). */
    private static String shown(char c) {
        return "{}$\\".indexOf(c) >= 0 ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /**
     * The code, or why not: {@code error} in English, {@code messageKey} and {@code params} the same for a
     * {@code ValidationMessages} template in the caller's language.
     */
    public record Result(String code, String error, String messageKey, Map<String, Object> params) {
        static Result error(String message, String messageKey, Map<String, Object> params) {
            return new Result(null, message, messageKey, params);
        }
    }
}
