package cn.org.kczg.teams.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of problems: a key looked up in message bundles ({@code <base>_zh.properties} and {@code <base>_en.properties},
 * UTF-8), the first bundle that has it winning, {@code {0}}, {@code {1}} … replaced by the arguments as they are. Chinese
 * unless the caller's {@code Accept-Language} prefers English; codes and types never change with the language.
 */
public final class ProblemTexts {
    public static final Locale CHINESE = Locale.forLanguageTag("zh");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> SPOKEN = List.of(Locale.forLanguageTag("zh-CN"), ENGLISH);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<String> bases;

    /** @param bases bundle base names, the most specific first (a service's own before the kit's) */
    public ProblemTexts(String... bases) {
        this.bases = List.of(bases);
    }

    /** The language to answer in for an {@code Accept-Language} header (absent, unknown or malformed: Chinese). */
    public static Locale choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SPOKEN);
            return best != null && best.getLanguage().equals("en") ? ENGLISH : CHINESE;
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
    }

    /** The text of {@code key} in {@code locale}; an unknown key reads as itself (and is caught by the bundle tests). */
    public String text(Locale locale, String key, Object... args) {
        String pattern = find(locale, key);
        if (pattern == null) {
            return key;
        }
        String text = pattern;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The title of a problem: {@code title.<code>} if the bundles name one, else {@code title.<status>}. */
    public String title(Locale locale, String code, int status) {
        String own = find(locale, "title." + code);
        return own != null ? own : text(locale, "title." + status);
    }

    public boolean has(String key) {
        return find(ENGLISH, key) != null && find(CHINESE, key) != null;
    }

    /** Every bundle of every base in both languages, for the tests that keep them complete. */
    public List<ResourceBundle> bundles() {
        List<ResourceBundle> found = new ArrayList<>();
        for (String base : bases) {
            for (Locale locale : List.of(CHINESE, ENGLISH)) {
                ResourceBundle bundle = bundle(base, locale);
                if (bundle != null) {
                    found.add(bundle);
                }
            }
        }
        return found;
    }

    private String find(Locale locale, String key) {
        for (String base : bases) {
            ResourceBundle bundle = bundle(base, locale.getLanguage().equals("en") ? ENGLISH : CHINESE);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    private static ResourceBundle bundle(String base, Locale locale) {
        try {
            // the application's loader: in Quarkus' test and dev modes this jar's own loader does not see the app's files
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            ResourceBundle bundle = ResourceBundle.getBundle(base, locale,
                    loader != null ? loader : ProblemTexts.class.getClassLoader(), NO_FALLBACK);
            return bundle.getLocale().getLanguage().equals(locale.getLanguage()) ? bundle : null;
        } catch (MissingResourceException absent) {
            return null;
        }
    }
}
