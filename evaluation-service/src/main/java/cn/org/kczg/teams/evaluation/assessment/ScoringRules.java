package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.evaluation.metric.Metric;
import cn.org.kczg.teams.evaluation.metric.MetricCatalogue;
import java.util.stream.Collectors;

/**
 * The scoring rules of the annual assessment (Art. 18–20) as the SQL expressions {@link AssessmentScoring} builds
 * its set-based statement from: the rules run inside PostgreSQL, for every team of a slice at once, so this is
 * where they are written down — and where {@code ScoringRulesTest} checks them, each on its own, against a real
 * database. Every method takes the SQL of its operands (columns, parameters or literals) and returns an expression.
 */
final class ScoringRules {
    private ScoringRules() {
    }

    /**
     * An indicator's value: the team's metric value; when the team has none, 0 for a count, but null (not
     * applicable) for a rate, which had nothing to count — the team neither gains nor loses by having had no demand.
     */
    static String indicatorValue(String metricValue, String metric) {
        return "case when " + metricValue + " is not null then " + metricValue + "\n"
                + "                  when " + metric + " in (" + MetricCatalogue.rates().stream().map(Metric::code)
                        .map(c -> "'" + c + "'").collect(Collectors.joining(", ")) + ") then null else 0 end";
    }

    /**
     * An indicator's score, 0–100, or null when it is not applicable (no value). LINEAR: {@code 100 × value /
     * target} rounded to 2 places, within 0 and 100. BANDED: {@code bandReached}, 0 below the first band.
     */
    static String indicatorScore(String scoring, String value, String target, String bandReached) {
        return "case when " + value + " is null then null\n"
                + "                  when " + scoring + " = 'LINEAR' then greatest(0, least(100, round(100 * "
                + value + " / " + target + ", 2)))\n"
                + "                  else coalesce(" + bandReached + ", 0) end";
    }

    /**
     * The score of the highest band whose {@code min_value} the value reaches (null below the first): among the rows
     * of {@code bands} (columns {@code min_value}, {@code score}, seen as {@code b}) that {@code ofIndicator} keeps.
     */
    static String bandReached(String bands, String ofIndicator, String value) {
        return "(select b.score from " + bands + " b\n"
                + "                                 where " + ofIndicator + " and b.min_value <= " + value + "\n"
                + "                                 order by b.min_value desc limit 1)";
    }

    /**
     * An aggregate: the mean of the scores the rows that {@code applicable} keeps, weighted by their weights and
     * rounded to 2 places — the weights of the applicable indicators rescaled to 100. Null when none is applicable.
     */
    static String weightedScore(String score, String weight, String applicable) {
        return "round(sum(" + score + " * " + weight + ") filter (where " + applicable + ") / nullif(sum(" + weight
                + ") filter (where " + applicable + "), 0), 2)";
    }

    /** An aggregate: the points a team loses, {@code points} for each upheld complaint or fee violation counted. */
    static String penalty(String points, String amount) {
        return "sum(" + points + " * " + amount + ")";
    }

    /** The total: the base score less the penalty, never below 0. */
    static String total(String base, String penalty) {
        return "greatest(0, " + base + " - " + penalty + ")";
    }

    /** The veto: this many upheld fee violations rate a team POOR whatever its score. */
    static String vetoed(String feeViolations, String veto) {
        return feeViolations + " >= " + veto;
    }

    /**
     * The grade (Art. 20): POOR when vetoed; else EXCELLENT, GOOD or PASS from the lowest total of each (each bound
     * reached counts); POOR below {@code pass}.
     */
    static String grade(String feeViolations, String veto, String total, String excellent, String good, String pass) {
        return "case when " + vetoed(feeViolations, veto) + " then 'POOR' when " + total + " >= " + excellent
                + " then 'EXCELLENT'\n"
                + "                                   when " + total + " >= " + good + " then 'GOOD' when " + total
                + " >= " + pass + " then 'PASS'\n"
                + "                                   else 'POOR' end";
    }
}
