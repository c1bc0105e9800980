package cn.org.kczg.teams.activity.ticket;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Art. 12 supply–demand matching, kept transparent: a score of 0..100 from four parts a person can check —
 * category overlap (40), region vs the team's pilot cities (30, or 15 for its other regions), industry
 * field vs key fields (20), and the ticket's keywords found in the team's service content (10).
 */
public final class TeamMatcher {
    private TeamMatcher() {
    }

    public record Demand(Collection<String> categories, String region, String industryField,
            Collection<String> keywords) {
    }

    public record Candidate(UUID teamId, String teamName, Collection<String> categories,
            Collection<String> pilotCities, Collection<String> otherRegions, Collection<String> keyFields,
            String serviceContent) {
    }

    @Schema(name = "TicketTeamMatch", description = "How well one active team matches a ticket (Art. 12), with the "
            + "parts of its score.")
    public record Match(
            @Schema(description = "The team's id.", required = true) UUID teamId,
            @Schema(description = "The team's name.", required = true, example = "长三角智能制造科技服务团") String teamName,
            @Schema(description = "The score, 0 to 100: the sum of the parts.", required = true, example = "70.0")
            double score,
            @Schema(description = "The parts of the score by name: categories (up to 40), region (30 for a pilot city, "
                    + "15 for another region), industryField (20) and keywords (up to 10).", required = true,
                    example = "{\"categories\": 40.0, \"region\": 30.0, \"industryField\": 0.0, \"keywords\": 0.0}")
            Map<String, Double> parts) {
    }

    public static List<Match> rank(Demand demand, Collection<Candidate> teams) {
        return teams.stream().map(t -> score(demand, t))
                .sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::teamName))
                .toList();
    }

    static Match score(Demand d, Candidate t) {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("categories", 40 * overlap(d.categories(), t.categories()));
        parts.put("region", mentions(t.pilotCities(), d.region()) ? 30.0
                : mentions(t.otherRegions(), d.region()) ? 15.0 : 0.0);
        parts.put("industryField", mentions(t.keyFields(), d.industryField()) ? 20.0 : 0.0);
        parts.put("keywords", 10 * keywordShare(d.keywords(), t.serviceContent(), t.keyFields()));
        parts.replaceAll((k, v) -> Math.round(v * 100) / 100.0);
        double score = Math.round(parts.values().stream().mapToDouble(Double::doubleValue).sum() * 100) / 100.0;
        return new Match(t.teamId(), t.teamName(), score, parts);
    }

    /** Share of the ticket's categories the team serves. */
    static double overlap(Collection<String> wanted, Collection<String> offered) {
        if (wanted == null || wanted.isEmpty() || offered == null) {
            return 0;
        }
        Set<String> have = Set.copyOf(offered);
        return (double) wanted.stream().filter(have::contains).count() / wanted.size();
    }

    /** "苏州" matches "苏州市" and "苏州工业园区": either text contains the other. */
    static boolean mentions(Collection<String> places, String wanted) {
        if (places == null || wanted == null || wanted.isBlank()) {
            return false;
        }
        String w = norm(wanted);
        return places.stream().map(TeamMatcher::norm).filter(p -> !p.isEmpty())
                .anyMatch(p -> p.contains(w) || w.contains(p));
    }

    static double keywordShare(Collection<String> keywords, String serviceContent, Collection<String> keyFields) {
        if (keywords == null || keywords.isEmpty()) {
            return 0;
        }
        String haystack = norm((serviceContent == null ? "" : serviceContent) + " "
                + (keyFields == null ? "" : String.join(" ", keyFields)));
        List<String> words = keywords.stream().map(TeamMatcher::norm).filter(k -> !k.isEmpty())
                .collect(Collectors.toList());
        return words.isEmpty() ? 0 : (double) words.stream().filter(haystack::contains).count() / words.size();
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
