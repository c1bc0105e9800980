package cn.org.kczg.teams.platform.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal values shown to someone who needs to know that there is one, not what it is: {@code 13700137000} →
 * {@code 137****7000}, {@code zm@zju.edu.cn} → {@code z***@zju.edu.cn}, {@code 周敏} → {@code 周*}. The kind of a
 * field ({@link PersonalData#kind()}) chooses how; kinds that are not contact details (account ids, hours) are shown
 * as they are.
 */
public final class Masking {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    /** A run of at least five digits, possibly with hyphens, spaces or a leading +: a phone number in free text. */
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d[\\d\\- ]{3,}\\d");

    private Masking() {
    }

    /** The value masked as its kind asks; {@code null} stays {@code null}. */
    public static Object of(PersonalDataKind kind, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case PHONE -> phone(value.toString());
            case EMAIL -> email(value.toString());
            case NAME -> name(value.toString());
            case CONTACT -> contact(value.toString());
            default -> value;
        };
    }

    /**
     * The first three and the last four digits, the rest as {@code *} ({@code 13700137000} → {@code 137****7000},
     * {@code 0571-87951111} → {@code 057*-****1111}); a short number keeps only its last two digits.
     */
    public static String phone(String phone) {
        String p = phone.strip();
        int digits = (int) p.chars().filter(Character::isDigit).count();
        int keepFirst = digits >= 10 ? 3 : 0;
        int keepLast = digits >= 10 ? 4 : Math.min(2, Math.max(0, digits - 4));
        StringBuilder masked = new StringBuilder(p.length());
        int seen = 0;
        for (char c : p.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen <= keepFirst || seen > digits - keepLast ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /** The first character of the local part and the domain: {@code zm@zju.edu.cn} → {@code z***@zju.edu.cn}. */
    public static String email(String email) {
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return e.substring(0, e.offsetByCodePoints(0, 1)) + "***" + e.substring(at);
    }

    /** 张伟 → 张*, 欧阳明华 → 欧**华: who, without the whole name. */
    public static String name(String name) {
        int[] cps = name.strip().codePoints().toArray();
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

    /**
     * A contact in the person's own words (e.g. {@code 王先生 13912345678}): every e-mail address and phone number in
     * it masked, and the rest cut to its first character, so a name is not shown either.
     */
    public static String contact(String contact) {
        String c = contact.strip();
        Matcher email = EMAIL.matcher(c);
        if (email.find()) {
            return email(email.group());
        }
        Matcher digits = DIGITS.matcher(c);
        if (digits.find()) {
            String before = c.substring(0, digits.start()).strip();
            return (before.isEmpty() ? "" : name(before) + " ") + phone(digits.group());
        }
        return name(c);
    }
}
