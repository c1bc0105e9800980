package cn.org.kczg.teams.activity.matching;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The matcher before issue 22 (four exact comparisons), kept only to compare against in the evaluation. */
final class LegacyScoring {
    private LegacyScoring() {
    }

    static double score(MatchingDataSet.Demand d, MatchingDataSet.Team t) {
        double region = mentions(t.pilotCities(), d.region()) ? 30 : mentions(t.otherRegions(), d.region()) ? 15 : 0;
        return 40 * overlap(d.categories(), t.categories()) + region
                + (mentions(t.keyFields(), d.industryField()) ? 20 : 0)
                + 10 * keywordShare(d.keywords(), t.serviceContent(), t.keyFields());
    }

    private static double overlap(Collection<String> wanted, Collection<String> offered) {
        if (wanted == null || wanted.isEmpty() || offered == null) {
            return 0;
        }
        Set<String> have = Set.copyOf(offered);
        return (double) wanted.stream().filter(have::contains).count() / wanted.size();
    }

    private static boolean mentions(Collection<String> places, String wanted) {
        if (places == null || wanted == null || wanted.isBlank()) {
            return false;
        }
        String w = norm(wanted);
        return places.stream().map(LegacyScoring::norm).filter(p -> !p.isEmpty())
                .anyMatch(p -> p.contains(w) || w.contains(p));
    }

    private static double keywordShare(Collection<String> keywords, String serviceContent, Collection<String> keyFields) {
        if (keywords == null || keywords.isEmpty()) {
            return 0;
        }
        String haystack = norm((serviceContent == null ? "" : serviceContent) + " "
                + (keyFields == null ? "" : String.join(" ", keyFields)));
        List<String> words = keywords.stream().map(LegacyScoring::norm).filter(k -> !k.isEmpty()).toList();
        return words.isEmpty() ? 0 : (double) words.stream().filter(haystack::contains).count() / words.size();
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
