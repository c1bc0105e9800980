package cn.org.kczg.teams.activity.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chinese text as search terms: overlapping character bigrams of every run of Han characters (a lone character
 * stands for itself), Latin words and numbers lower-cased, plus one {@code ≈n} term for every synonym group a word
 * of the text belongs to. Bigrams need no dictionary and find 工业机器人 in 工业机器人集成 as well as in 机器人.
 */
public final class ChineseTerms {
    public static final String SYNONYM = "≈";
    private final Synonyms synonyms;

    public ChineseTerms(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    /** NFKC (full-width → half-width), lower case, stripped. */
    public static String normalise(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** The terms of a text with how often each occurs. */
    public Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        String norm = normalise(text);
        for (Run run : runs(norm)) {
            run.terms().forEach(t -> counts.merge(t, 1, Integer::sum));
        }
        synonyms.groupsIn(norm).keySet().forEach(g -> counts.merge(SYNONYM + g, 1, Integer::sum));
        return counts;
    }

    /** A query: its runs in order (to rebuild the words matched) and the synonym words found in it. */
    public Query query(String text) {
        String norm = normalise(text);
        return new Query(runs(norm), synonyms.groupsIn(norm));
    }

    public record Query(List<Run> runs, Map<Integer, String> synonymWords) {
        /** The distinct terms of the query. */
        public List<String> terms() {
            List<String> terms = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Run run : runs) {
                run.terms().stream().filter(seen::add).forEach(terms::add);
            }
            synonymWords.keySet().stream().map(g -> SYNONYM + g).filter(seen::add).forEach(terms::add);
            return terms;
        }
    }

    /** A run of Han characters, or one Latin word or number. */
    public record Run(String text, boolean han) {
        public List<String> terms() {
            if (!han || text.length() == 1) {
                return List.of(text);
            }
            List<String> bigrams = new ArrayList<>(text.length() - 1);
            for (int i = 0; i + 2 <= text.length(); i++) {
                bigrams.add(text.substring(i, i + 2));
            }
            return bigrams;
        }
    }

    static List<Run> runs(String norm) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < norm.length()) {
            int cp = norm.codePointAt(i);
            int start = i;
            if (han(cp)) {
                while (i < norm.length() && han(norm.codePointAt(i))) {
                    i += Character.charCount(norm.codePointAt(i));
                }
                runs.add(new Run(norm.substring(start, i), true));
            } else if (Character.isLetterOrDigit(cp)) {
                while (i < norm.length() && !han(norm.codePointAt(i)) && Character.isLetterOrDigit(norm.codePointAt(i))) {
                    i += Character.charCount(norm.codePointAt(i));
                }
                if (i - start >= 2) {
                    runs.add(new Run(norm.substring(start, i), false));
                }
            } else {
                i += Character.charCount(cp);
            }
        }
        return runs;
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
