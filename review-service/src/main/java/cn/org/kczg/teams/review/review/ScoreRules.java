package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A member's score sheet as the panel keeps it: every criterion, each a whole number 0 to 10, and a comment. */
public final class ScoreRules {
    private ScoreRules() {
    }

    /** The scores by criterion code in the criteria's order, or a 400 naming the first field at fault. */
    public static Map<String, Integer> validated(Map<String, BigDecimal> scores) {
        if (scores == null) {
            throw ProblemException.invalid("scores", Text.of("review.scores.required"));
        }
        for (String code : scores.keySet()) {
            if (ReviewCriterion.of(code).isEmpty()) {
                // the unknown key is not echoed: it is the client's text, possibly anything
                throw ProblemException.invalid("scores", Text.of("review.scores.unknown-criterion"));
            }
        }
        Map<String, Integer> valid = new LinkedHashMap<>();
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            String field = "scores." + criterion.name();
            BigDecimal score = scores.get(criterion.name());
            if (score == null) {
                throw ProblemException.invalid(field, Text.of("review.scores.missing", criterion.name(), criterion.label));
            }
            if (score.signum() != 0 && score.stripTrailingZeros().scale() > 0
                    || score.compareTo(BigDecimal.valueOf(ReviewCriterion.MIN)) < 0
                    || score.compareTo(BigDecimal.valueOf(ReviewCriterion.MAX)) > 0) {
                throw ProblemException.invalid(field, Text.of("review.scores.range", ReviewCriterion.MIN,
                        ReviewCriterion.MAX));
            }
            valid.put(criterion.name(), score.intValueExact());
        }
        return valid;
    }

    public static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw ProblemException.invalid("comment", Text.of("review.scores.comment-required"));
        }
        return comment.strip();
    }
}
