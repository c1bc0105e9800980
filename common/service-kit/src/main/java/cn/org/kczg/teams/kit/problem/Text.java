package cn.org.kczg.teams.kit.problem;

import cn.org.kczg.teams.platform.problem.ProblemTexts;
import java.util.List;
import java.util.Locale;

/**
 * Words for a caller, not yet in a language: a key of the service's {@code problems_*.properties} (or the kit's
 * {@code kit-problems_*.properties}) and its arguments, put into Chinese or English when the problem is answered.
 */
public record Text(String key, List<Object> args) {
    /** The bundles of the service running, its own first. */
    public static final ProblemTexts BUNDLES = new ProblemTexts("problems", "kit-problems");

    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }

    public String in(Locale locale) {
        return BUNDLES.text(locale, key, args.stream().map(a -> a instanceof Text t ? t.in(locale) : a).toArray());
    }

    @Override
    public String toString() {
        return in(ProblemTexts.ENGLISH);
    }
}
