package cn.org.kczg.teams.review.priority;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Art. 9: among equal applications, review first those with a work foundation and committed resources,
 * continuity, and fit with the year's key fields. Each part scores 0..its weight; the sum is 0..100.
 * Text parts count as complete at {@code fullTextLength} characters, budget at {@code fullBudget}, staff at
 * {@code fullStaff}.
 */
public final class PriorityScore {
    private PriorityScore() {
    }

    public record Weights(double workFoundation, double budget, double staff, double continuity, double keyFields,
            int fullTextLength, BigDecimal fullBudget, int fullStaff) {
        public double total() {
            return workFoundation + budget + staff + continuity + keyFields;
        }
    }

    public record Inputs(String workFoundation, BigDecimal yearlyBudget, Integer staff, String continuityPlan,
            Collection<String> keyFields, Collection<String> yearKeyFields) {
    }

    public record Result(double score, Map<String, Double> parts) {
    }

    public static Result of(Inputs in, Weights w) {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("workFoundation", w.workFoundation() * textShare(in.workFoundation(), w.fullTextLength()));
        parts.put("budget", w.budget() * share(in.yearlyBudget() == null ? 0 : in.yearlyBudget().doubleValue(),
                w.fullBudget().doubleValue()));
        parts.put("staff", w.staff() * share(in.staff() == null ? 0 : in.staff(), w.fullStaff()));
        parts.put("continuity", w.continuity() * textShare(in.continuityPlan(), w.fullTextLength()));
        parts.put("keyFields", w.keyFields() * keyFieldShare(in.keyFields(), in.yearKeyFields()));
        parts.replaceAll((k, v) -> round(v * 100 / w.total()));
        double score = round(parts.values().stream().mapToDouble(Double::doubleValue).sum());
        return new Result(Math.min(100, score), parts);
    }

    /** The share of the application's fields that are among the year's key fields. */
    static double keyFieldShare(Collection<String> fields, Collection<String> yearFields) {
        if (fields == null || fields.isEmpty() || yearFields == null || yearFields.isEmpty()) {
            return 0;
        }
        Set<String> wanted = yearFields.stream().map(PriorityScore::norm).collect(Collectors.toSet());
        long hits = fields.stream().map(PriorityScore::norm).filter(wanted::contains).count();
        return share(hits, Math.min(fields.size(), wanted.size()));
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static double textShare(String text, int full) {
        return text == null ? 0 : share(text.strip().codePointCount(0, text.strip().length()), full);
    }

    private static double share(double value, double full) {
        return full <= 0 ? 0 : Math.max(0, Math.min(1, value / full));
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
