package cn.org.kczg.teams.review.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Art. 3, 6, 9: the reviewers of one case (1 to 5), one of them the chair who decides, each scoring the
 * {@link ReviewCriterion criteria} for themself. Kept with the case (jsonb) and replaced whole on every change.
 *
 * @param recused         everyone who declared a conflict of interest on this case, whether still on the panel or not
 * @param scoringRequired a panel the operator appointed must score before its chair decides; the panel of one that a
 *                        claim or a single assignment makes decides as before (its reviewer may still score)
 */
public record Panel(String chair, List<Member> members, List<Recusal> recused, boolean scoringRequired) {
    public static final int MAX_MEMBERS = 5;

    /** A member and their latest scores (absent until they score). */
    public record Member(String reviewer, Map<String, Integer> scores, String comment, Instant scoredAt) {
        static Member unscored(String reviewer) {
            return new Member(reviewer, null, null, null);
        }

        public boolean scored() {
            return scoredAt != null;
        }
    }

    public record Recusal(String reviewer, Instant at) {
    }

    public Panel {
        members = List.copyOf(members);
        recused = recused == null ? List.of() : List.copyOf(recused);
    }

    /** The panel of one a claim or a single assignment makes; {@code before}'s recusals and that reviewer's scores stay. */
    public static Panel single(String reviewer, Panel before) {
        return new Panel(reviewer, List.of(kept(reviewer, before)), before == null ? List.of() : before.recused, false);
    }

    /** The panel an operator appoints; the scores of members who stay are kept. */
    public static Panel appointed(List<String> reviewers, String chair, Panel before) {
        return new Panel(chair, reviewers.stream().map(r -> kept(r, before)).toList(),
                before == null ? List.of() : before.recused, true);
    }

    private static Member kept(String reviewer, Panel before) {
        return before == null ? Member.unscored(reviewer) : before.member(reviewer).orElse(Member.unscored(reviewer));
    }

    public Optional<Member> member(String reviewer) {
        return members.stream().filter(m -> m.reviewer().equals(reviewer)).findFirst();
    }

    public boolean hasMember(String reviewer) {
        return member(reviewer).isPresent();
    }

    public boolean isRecused(String reviewer) {
        return recused.stream().anyMatch(r -> r.reviewer().equals(reviewer));
    }

    /** The reviewers of this panel who were not on {@code before}. */
    public List<String> addedSince(Panel before) {
        return members.stream().map(Member::reviewer).filter(r -> before == null || !before.hasMember(r)).toList();
    }

    public Panel withScores(String reviewer, Map<String, Integer> scores, String comment, Instant at) {
        return new Panel(chair, members.stream().map(m -> m.reviewer().equals(reviewer)
                ? new Member(reviewer, scores, comment, at) : m).toList(), recused, scoringRequired);
    }

    /** The member stays on the panel (the operator replaces them) but cannot score, and their scores no longer count. */
    public Panel withRecusal(String reviewer, Instant at) {
        List<Recusal> all = new ArrayList<>(recused);
        all.add(new Recusal(reviewer, at));
        return new Panel(chair, members.stream().map(m -> m.reviewer().equals(reviewer) ? Member.unscored(reviewer) : m)
                .toList(), all, scoringRequired);
    }

    /** On resubmission the panel scores the revised application afresh. */
    public Panel withoutScores() {
        return new Panel(chair, members.stream().map(m -> Member.unscored(m.reviewer())).toList(), recused,
                scoringRequired);
    }

    /** Members who still have to score (recused members do not count). */
    public List<String> awaiting() {
        return members.stream().filter(m -> !m.scored() && !isRecused(m.reviewer())).map(Member::reviewer).toList();
    }

    /** The scores that count: those of members not recused. */
    public List<Member> counted() {
        return members.stream().filter(m -> m.scored() && !isRecused(m.reviewer())).toList();
    }

    /** Every member not recused has scored. */
    public boolean complete() {
        return !counted().isEmpty() && awaiting().isEmpty();
    }

    /** The mean score of each criterion over the members who scored; empty before anyone has. */
    public Map<String, Double> means() {
        Map<String, Double> means = new LinkedHashMap<>();
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            mean(c -> c == criterion).ifPresent(m -> means.put(criterion.name(), m));
        }
        return means;
    }

    /** The mean of every score given, all criteria together. */
    public Optional<Double> overallMean() {
        return mean(c -> true);
    }

    /**
     * Art. 9 priority from the panel, 0 to 100 like the score from the application's text: ten times the mean of the
     * ART9 criteria, once every member not recused has scored (before that, a partial mean would rank the case on one
     * member's view and show members who have not scored yet what the others gave).
     */
    public Optional<Double> priority() {
        return complete() ? mean(ReviewCriterion::priority).map(m -> round(m * 10)) : Optional.empty();
    }

    /** What each Art. 9 criterion contributes to {@link #priority()}; they add up to it (up to rounding). */
    public Map<String, Double> priorityParts() {
        List<ReviewCriterion> parts = ReviewCriterion.priorityParts();
        Map<String, Double> contributions = new LinkedHashMap<>();
        for (ReviewCriterion criterion : parts) {
            mean(c -> c == criterion).ifPresent(m -> contributions.put(criterion.name(), round(m * 10 / parts.size())));
        }
        return contributions;
    }

    private Optional<Double> mean(Predicate<ReviewCriterion> which) {
        long sum = 0;
        int count = 0;
        for (Member m : counted()) {
            for (ReviewCriterion criterion : ReviewCriterion.values()) {
                Integer score = which.test(criterion) ? m.scores().get(criterion.name()) : null;
                if (score != null) {
                    sum += score;
                    count++;
                }
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(round((double) sum / count));
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
