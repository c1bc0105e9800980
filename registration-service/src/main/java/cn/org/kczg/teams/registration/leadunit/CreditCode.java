package cn.org.kczg.teams.registration.leadunit;

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
            return Result.error("is required");
        }
        String code = raw.trim().toUpperCase();
        if (code.length() != LENGTH) {
            return Result.error("must be 18 characters (统一社会信用代码), got " + code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Result.error("character " + (i + 1) + " '" + code.charAt(i)
                        + "' is not allowed: use digits and capital letters except I, O, S, V and Z");
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return Result.error("check character is wrong: a code starting " + code.substring(0, LENGTH - 1)
                    + " ends with " + expected);
        }
        return new Result(code, null);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    public record Result(String code, String error) {
        static Result error(String message) {
            return new Result(null, message);
        }
    }
}
