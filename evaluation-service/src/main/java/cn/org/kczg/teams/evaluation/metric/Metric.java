package cn.org.kczg.teams.evaluation.metric;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One metric the service can compute per team and year.
 *
 * @param source where its value comes from: reported activities, a sum of facts, or a rate (percent) of two
 *               fact counts; a rate with nothing to count is "not applicable", not zero
 */
@Schema(name = "Metric", description = "One metric of the catalogue (Art. 18): what the platform computes per team and "
        + "year from the services' events, for indicators and penalties to read.")
public record Metric(
        @Schema(description = "The metric's code, as indicators name it.", required = true, example = "activities")
        String code,
        @Schema(description = "The metric's name.", required = true, example = "服务活动场次") String name,
        @Schema(description = "Its unit.", required = true, example = "次") String unit,
        @Schema(description = "Where its value comes from.", required = true) Source source,
        @Schema(description = "The fact counted (FACTS) or the rate's numerator fact (RATE); absent for ACTIVITIES.",
                example = "uploads.on-time") String numerator,
        @Schema(description = "The rate's denominator fact (RATE only).", example = "uploads.due") String denominator) {

    @Schema(name = "MetricSource", description = "Where a metric's value comes from: ACTIVITIES (the team's activity "
            + "reports), FACTS (a sum of recorded facts) or RATE (a percentage of two fact counts; with nothing to "
            + "count it is not applicable, not zero).")
    public enum Source {
        ACTIVITIES, FACTS, RATE
    }

    static Metric activities(String code, String name, String unit) {
        return new Metric(code, name, unit, Source.ACTIVITIES, null, null);
    }

    static Metric facts(String code, String name, String unit) {
        return new Metric(code, name, unit, Source.FACTS, code, null);
    }

    static Metric rate(String code, String name, String numerator, String denominator) {
        return new Metric(code, name, "%", Source.RATE, numerator, denominator);
    }

    @Schema(description = "True for a RATE metric (a percentage).", required = true)
    public boolean isRate() {
        return source == Source.RATE;
    }
}
