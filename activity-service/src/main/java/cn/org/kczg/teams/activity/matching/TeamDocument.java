package cn.org.kczg.teams.activity.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A team's profile as indexed terms: the counts BM25 needs, and each resolved ticket's terms for the outcomes. */
public record TeamDocument(Map<String, Integer> counts, int length, List<Resolved> resolved) {
    public static final TeamDocument EMPTY = new TeamDocument(Map.of(), 0, List.of());

    public record Resolved(Set<String> terms, boolean onTime, Integer rating) {
    }

    public static TeamDocument of(TeamProfile profile, ChineseTerms terms) {
        Map<String, Integer> counts = terms.counts(profile.text());
        int length = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<Resolved> resolved = profile.resolved() == null ? List.of() : profile.resolved().stream()
                .map(r -> new Resolved(Set.copyOf(terms.counts(r.text()).keySet()), r.onTime(), r.rating()))
                .toList();
        return new TeamDocument(Map.copyOf(counts), length, resolved);
    }
}
