package cn.org.kczg.teams.activity.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Industry names that mean the same for matching (装备制造 ≈ 工程机械), from {@code matching/synonyms.tsv}:
 * {@code word<TAB>synonym,synonym,…}, equivalence both ways and transitive (lines sharing a word join one group).
 */
public final class Synonyms {
    public static final Synonyms NONE = new Synonyms(Map.of());
    private final Map<String, Integer> groupOf;

    private Synonyms(Map<String, Integer> groupOf) {
        this.groupOf = groupOf;
    }

    public static Synonyms classpath() {
        InputStream in = Synonyms.class.getClassLoader().getResourceAsStream("matching/synonyms.tsv");
        return in == null ? NONE : read(in);
    }

    public static Synonyms read(InputStream in) {
        List<List<String>> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                List<String> words = new ArrayList<>();
                words.add(cols[0]);
                if (cols.length > 1) {
                    words.addAll(List.of(cols[1].split("[,，]")));
                }
                lines.add(words.stream().map(ChineseTerms::normalise).filter(w -> w.length() >= 2).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(lines);
    }

    /** Groups of equivalent words; groups that share a word are joined. */
    public static Synonyms of(List<List<String>> groups) {
        Map<String, Integer> groupOf = new LinkedHashMap<>();
        Map<Integer, Integer> parent = new HashMap<>();
        int next = 0;
        for (List<String> words : groups) {
            int group = next++;
            parent.put(group, group);
            for (String w : words) {
                Integer other = groupOf.get(w);
                if (other != null) {
                    parent.put(root(parent, other), group);
                }
                groupOf.put(w, group);
            }
        }
        groupOf.replaceAll((w, g) -> root(parent, g));
        return new Synonyms(Map.copyOf(groupOf));
    }

    private static int root(Map<Integer, Integer> parent, int g) {
        while (parent.get(g) != g) {
            g = parent.get(g);
        }
        return g;
    }

    /** The groups whose words occur in the (normalised) text, each with the word found. */
    Map<Integer, String> groupsIn(String normalisedText) {
        Map<Integer, String> found = new HashMap<>();
        for (Map.Entry<String, Integer> e : groupOf.entrySet()) {
            if (normalisedText.contains(e.getKey())) {
                found.merge(e.getValue(), e.getKey(), (a, b) -> a.length() >= b.length() ? a : b);
            }
        }
        return found;
    }

    public int size() {
        return groupOf.size();
    }
}
