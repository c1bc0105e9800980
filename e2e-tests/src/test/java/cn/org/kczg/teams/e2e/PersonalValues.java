package cn.org.kczg.teams.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The personal values the flows send (names, phones, e-mail addresses), for {@link PersonalDataLogScanTest}: the
 * shared helpers {@link #used record} what they send, {@link #NAMES} lists the names the flows and the import template
 * use (a name has no shape to find it by), and every phone- or e-mail-like string literal of this module's sources
 * counts too.
 */
final class PersonalValues {
    /** Every person's name a flow of the shared suite sends, or the import template's examples it uploads. */
    static final Set<String> NAMES = Set.of("陈静", "周敏", "李华", "刘洋", "赵强", "张伟", "王敏", "周晓雨", "吴自证");
    /** A mainland mobile number, not inside a longer run of digits or letters (ids, timestamps, credit codes). */
    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** A mainland number as the flows write them: a landline with its area code, a mobile, or +86 first. */
    private static final Pattern PHONE = Pattern.compile("0\\d{2,3}-\\d{7,8}|1[3-9]\\d{9}|\\+86[\\d -]{8,16}");
    // unrolled (possessive runs between escapes): an alternation inside the repetition recursed once per character
    // and overflowed the stack on a long literal
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+)\"");
    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    private PersonalValues() {
    }

    /** Called by a helper with the personal values it sends. */
    static void used(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                USED.add(value);
            }
        }
    }

    /** Everything to look for: the names, what the helpers recorded, and the phones and addresses in the sources. */
    static Set<String> all() {
        Set<String> all = new TreeSet<>(NAMES);
        all.addAll(USED);
        all.addAll(literalsInSources());
        return all;
    }

    /** The phone- and e-mail-like string literals of this module's test sources. */
    static Set<String> literalsInSources() {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (literal.find()) {
                    String value = literal.group(1);
                    if (PHONE.matcher(value).matches() || EMAIL.matcher(value).matches()) {
                        found.add(value);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
