package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.kit.problem.Text;
import java.util.Optional;

/**
 * Art. 4: a team is named {@code “科创中国”} + its service content or feature + {@code 科技服务团}, e.g.
 * {@code “科创中国”智能制造产业科技服务团}. Input may use ASCII {@code "}, curly {@code “”} or full-width
 * {@code ＂} quotes; the stored name always uses {@code “”}.
 */
public final class TeamNameRule {
    public static final String BRAND = "科创中国";
    public static final String SUFFIX = "科技服务团";
    public static final String EXAMPLE = "“科创中国”智能制造产业科技服务团";
    private static final String OPENING_QUOTES = "\"“＂";
    private static final String CLOSING_QUOTES = "\"”＂";

    private TeamNameRule() {
    }

    /** What a name must look like, in the caller's language. */
    public static Text expectedShape() {
        return Text.of("application.name-shape", "“" + BRAND + "”", SUFFIX, EXAMPLE);
    }

    public record TeamName(String canonical, String serviceContent) {
    }

    public static Optional<TeamName> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        if (name.length() < BRAND.length() + SUFFIX.length() + 3
                || OPENING_QUOTES.indexOf(name.charAt(0)) < 0
                || !name.startsWith(BRAND, 1)
                || CLOSING_QUOTES.indexOf(name.charAt(1 + BRAND.length())) < 0
                || !name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String content = name.substring(BRAND.length() + 2, name.length() - SUFFIX.length()).strip();
        if (content.isEmpty() || content.chars().anyMatch(c -> OPENING_QUOTES.indexOf(c) >= 0
                || CLOSING_QUOTES.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new TeamName("“" + BRAND + "”" + content + SUFFIX, content));
    }
}
