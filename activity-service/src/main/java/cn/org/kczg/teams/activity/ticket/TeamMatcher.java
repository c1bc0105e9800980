package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.activity.matching.ChineseTerms;
import cn.org.kczg.teams.activity.matching.Divisions;
import cn.org.kczg.teams.activity.matching.TeamDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Art. 12 supply–demand matching, kept explainable (issue 22): a score that is the sum of four parts a person can
 * check — {@code categories} (share of the ticket's service categories the team offers, up to 25), {@code place}
 * (25 in the team's pilot city or for an online team, 20 in another region it serves, 12 in the same province or
 * metropolitan area), {@code text} (BM25 of the ticket's words against the team's profile over Chinese character
 * bigrams and synonyms, up to 40 for the best text among the candidates) and {@code outcomes} (+5 for each similar
 * ticket resolved on time and rated 4–5 or not rated, −5 for a similar one late or rated 1–2, −5 for each open
 * overdue ticket, −10 at capacity; from −20 to +10) — and the words that matched.
 */
public final class TeamMatcher {
    static final double CATEGORIES = 25;
    static final double PLACE = 25;
    static final double PLACE_OTHER_REGION = 20;
    static final double PLACE_NEAR = 12;
    static final double TEXT = 40;
    static final double OUTCOMES_MAX = 10;
    static final double OUTCOMES_MIN = -20;
    /** A team holding this many open tickets is at capacity. */
    public static final int CAPACITY = 8;
    /** A resolved ticket is similar when it holds this share of the demand's (idf-weighted) terms. */
    static final double SIMILAR = 0.2;
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final int WORDS = 8;

    private final Divisions divisions;
    private final ChineseTerms terms;

    public TeamMatcher(Divisions divisions, ChineseTerms terms) {
        this.divisions = divisions;
        this.terms = terms;
    }

    public record Demand(Collection<String> categories, String region, String industryField,
            Collection<String> keywords, String projectName, String background, String technicalProblems,
            String expectedTargets) {

        String text() {
            List<String> parts = new ArrayList<>();
            for (String s : new String[] {projectName, industryField, background, technicalProblems, expectedTargets}) {
                if (s != null) {
                    parts.add(s);
                }
            }
            if (keywords != null) {
                parts.addAll(keywords);
            }
            return String.join("\n", parts);
        }
    }

    /** Open tickets the team holds, and how many of them are past their resolution deadline. */
    public record Workload(int open, int overdue) {
        public static final Workload NONE = new Workload(0, 0);
    }

    public record Candidate(UUID teamId, String teamName, Collection<String> categories,
            Collection<String> pilotCities, Collection<String> otherRegions, boolean online, TeamDocument document,
            Workload workload) {
    }

    @Schema(name = "TicketTeamMatch", description = "How well one active team matches a ticket (Art. 12, issue 22), "
            + "with the parts of its score and the words that matched.")
    public record Match(
            @Schema(description = "The team's id.", required = true) UUID teamId,
            @Schema(description = "The team's name.", required = true, example = "长三角智能制造科技服务团") String teamName,
            @Schema(description = "The score: the sum of the parts, at most 100 (it may be below 0 for a team "
                    + "with overdue tickets).", required = true, example = "82.5")
            double score,
            @Schema(description = "The parts of the score by name: categories (share of the ticket's categories the "
                    + "team offers, up to 25), place (25 in the team's pilot city or for an online team, 20 in its "
                    + "other regions, 12 in the same province or metropolitan area, else 0), text (relevance of "
                    + "the ticket's text to the team's profile, up to 40 for the best among the candidates) and "
                    + "outcomes (similar tickets resolved on time and rated well raise it, up to +10; similar "
                    + "ones late or rated badly, open overdue tickets and a full workload lower it, down to −20).",
                    required = true,
                    example = "{\"categories\": 25.0, \"place\": 12.0, \"text\": 40.0, \"outcomes\": 5.0}")
            Map<String, Double> parts,
            @Schema(description = "The ticket's words found in the team's profile, the most telling first (at "
                    + "most 8).", required = true, example = "[\"工业机器人\", \"产线改造\"]")
            List<String> matchedWords) {
    }

    public List<Match> rank(Demand demand, Collection<Candidate> teams) {
        ChineseTerms.Query query = terms.query(demand.text());
        List<String> queryTerms = query.terms();
        Map<String, Double> known = new LinkedHashMap<>();
        Map<String, Double> idf = idf(queryTerms, teams, known);
        double avgLength = teams.stream().mapToInt(c -> c.document().length()).average().orElse(1);
        Map<UUID, Double> relevance = new HashMap<>();
        double best = 0;
        for (Candidate c : teams) {
            double s = bm25(queryTerms, idf, c.document(), Math.max(avgLength, 1));
            relevance.put(c.teamId(), s);
            best = Math.max(best, s);
        }
        double top = best;
        return teams.stream().map(c -> score(demand, c, query, idf, known,
                        top == 0 ? 0 : relevance.get(c.teamId()) / top))
                .sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::teamName))
                .toList();
    }

    private Match score(Demand d, Candidate c, ChineseTerms.Query query, Map<String, Double> idf,
            Map<String, Double> known, double text) {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("categories", CATEGORIES * overlap(d.categories(), c.categories()));
        parts.put("place", place(d.region(), c));
        parts.put("text", TEXT * text);
        parts.put("outcomes", outcomes(known, c));
        parts.replaceAll((k, v) -> Math.round(v * 100) / 100.0);
        double score = Math.round(parts.values().stream().mapToDouble(Double::doubleValue).sum() * 100) / 100.0;
        return new Match(c.teamId(), c.teamName(), score, parts, matchedWords(query, idf, c.document()));
    }

    /** Share of the ticket's categories the team serves. */
    static double overlap(Collection<String> wanted, Collection<String> offered) {
        if (wanted == null || wanted.isEmpty() || offered == null) {
            return 0;
        }
        Set<String> have = Set.copyOf(offered);
        return (double) wanted.stream().filter(have::contains).count() / wanted.size();
    }

    double place(String region, Candidate c) {
        if (c.online()) {
            return PLACE;
        }
        Divisions.Nearness pilot = divisions.nearness(region, c.pilotCities());
        if (pilot == Divisions.Nearness.SAME_CITY) {
            return PLACE;
        }
        Divisions.Nearness other = divisions.nearness(region, c.otherRegions());
        if (other == Divisions.Nearness.SAME_CITY) {
            return PLACE_OTHER_REGION;
        }
        return pilot == Divisions.Nearness.NEAR || other == Divisions.Nearness.NEAR ? PLACE_NEAR : 0;
    }

    /** {@code idf}: of the demand's terms some profile holds (words no team uses cannot tell tickets apart). */
    static double outcomes(Map<String, Double> idf, Candidate c) {
        double points = 0;
        double whole = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        if (whole > 0) {
            for (TeamDocument.Resolved r : c.document().resolved()) {
                double shared = idf.entrySet().stream().filter(e -> r.terms().contains(e.getKey()))
                        .mapToDouble(Map.Entry::getValue).sum();
                if (shared / whole < SIMILAR) {
                    continue;
                }
                boolean rated = r.rating() != null;
                if (!r.onTime() || rated && r.rating() <= 2) {
                    points -= 5;
                } else if (!rated || r.rating() >= 4) {
                    points += 5;
                }
            }
        }
        points = Math.min(points, OUTCOMES_MAX);
        Workload w = c.workload() == null ? Workload.NONE : c.workload();
        points -= 5.0 * w.overdue();
        if (w.open() >= CAPACITY) {
            points -= 10;
        }
        return Math.max(points, OUTCOMES_MIN);
    }

    /** Robertson–Spärck Jones idf over the candidates, never negative; {@code known} gets the terms some team has. */
    private static Map<String, Double> idf(List<String> queryTerms, Collection<Candidate> teams,
            Map<String, Double> known) {
        Map<String, Double> idf = new LinkedHashMap<>();
        int n = teams.size();
        for (String t : queryTerms) {
            int df = 0;
            for (Candidate c : teams) {
                if (c.document().counts().containsKey(t)) {
                    df++;
                }
            }
            idf.put(t, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
            if (df > 0) {
                known.put(t, idf.get(t));
            }
        }
        return idf;
    }

    private static double bm25(List<String> queryTerms, Map<String, Double> idf, TeamDocument doc, double avgLength) {
        double s = 0;
        double norm = K1 * (1 - B + B * doc.length() / avgLength);
        for (String t : queryTerms) {
            Integer tf = doc.counts().get(t);
            if (tf != null) {
                s += idf.get(t) * tf * (K1 + 1) / (tf + norm);
            }
        }
        return s;
    }

    /** Runs of the ticket's consecutive bigrams the profile holds, as the ticket wrote them, by their weight. */
    private static List<String> matchedWords(ChineseTerms.Query query, Map<String, Double> idf, TeamDocument doc) {
        Map<String, Double> words = new HashMap<>();
        for (ChineseTerms.Run run : query.runs()) {
            List<String> bigrams = run.terms();
            if (!run.han() || run.text().length() < 2) {
                if (doc.counts().containsKey(run.text()) && run.text().length() >= 2) {
                    words.merge(run.text(), idf.getOrDefault(run.text(), 0.0), Math::max);
                }
                continue;
            }
            int i = 0;
            while (i < bigrams.size()) {
                if (!doc.counts().containsKey(bigrams.get(i))) {
                    i++;
                    continue;
                }
                int j = i;
                double weight = 0;
                while (j < bigrams.size() && doc.counts().containsKey(bigrams.get(j))) {
                    weight += idf.getOrDefault(bigrams.get(j), 0.0);
                    j++;
                }
                words.merge(run.text().substring(i, j + 1), weight, Math::max);
                i = j;
            }
        }
        query.synonymWords().forEach((group, word) -> {
            String term = ChineseTerms.SYNONYM + group;
            if (doc.counts().containsKey(term)) {
                words.merge(word, idf.getOrDefault(term, 0.0) * word.length(), Math::max);
            }
        });
        Set<String> top = new LinkedHashSet<>();
        words.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).filter(w -> top.stream().noneMatch(t -> t.contains(w)))
                .limit(WORDS).forEach(top::add);
        return List.copyOf(top);
    }
}
