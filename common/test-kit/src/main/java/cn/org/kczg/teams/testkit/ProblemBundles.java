package cn.org.kczg.teams.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.platform.problem.ProblemTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps a module's problem words whole: every key in both languages with the same placeholders, the Chinese really
 * Chinese, and every {@code Text.of("key" …)} of its sources in the bundles.
 */
public final class ProblemBundles {
    private static final Pattern USED_KEY = Pattern.compile("Text\\.of\\(\\s*\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]");

    private ProblemBundles() {
    }

    /** Each base's Chinese and English bundles have the same keys and placeholders; no value is blank. */
    public static void assertBothLanguages(String... bases) {
        for (String base : bases) {
            ResourceBundle zh = ResourceBundle.getBundle(base, ProblemTexts.CHINESE, NO_FALLBACK);
            ResourceBundle en = ResourceBundle.getBundle(base, ProblemTexts.ENGLISH, NO_FALLBACK);
            assertEquals(Locale.CHINESE.getLanguage(), zh.getLocale().getLanguage(), base + "_zh.properties");
            assertEquals("en", en.getLocale().getLanguage(), base + "_en.properties");
            assertEquals(zh.keySet(), en.keySet(), base + ": the same keys in both languages");
            List<String> wrong = new ArrayList<>();
            for (String key : zh.keySet()) {
                String chinese = zh.getString(key);
                String english = en.getString(key);
                if (chinese.isBlank() || english.isBlank()) {
                    wrong.add(key + ": blank");
                } else if (!placeholders(chinese).equals(placeholders(english))) {
                    wrong.add(key + ": placeholders differ");
                } else if (!CHINESE.matcher(chinese).find()) {
                    wrong.add(key + ": not Chinese in " + base + "_zh");
                } else if (CHINESE.matcher(english).find()) {
                    wrong.add(key + ": not English in " + base + "_en");
                }
            }
            assertTrue(wrong.isEmpty(), base + ": " + wrong);
        }
    }

    /** Every {@code Text.of("key" …)} under {@code sources} has words in both languages in {@code texts}. */
    public static void assertEveryKeyUsedIsThere(Path sources, ProblemTexts texts) {
        Set<String> used = keysUsed(sources);
        assertFalse(used.isEmpty(), "no Text.of(\"…\") under " + sources.toAbsolutePath());
        Set<String> missing = new TreeSet<>();
        used.stream().filter(key -> !texts.has(key)).forEach(missing::add);
        assertTrue(missing.isEmpty(), "keys used without words in both languages: " + missing);
    }

    static Set<String> keysUsed(Path sources) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = USED_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
