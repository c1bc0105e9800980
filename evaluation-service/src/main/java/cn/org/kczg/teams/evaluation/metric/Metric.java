package cn.org.kczg.teams.evaluation.metric;

/**
 * One metric the service can compute per team and year.
 *
 * @param source where its value comes from: reported activities, a sum of facts, or a rate (percent) of two
 *               fact counts; a rate with nothing to count is "not applicable", not zero
 */
public record Metric(String code, String name, String unit, Source source, String numerator, String denominator) {

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

    public boolean isRate() {
        return source == Source.RATE;
    }
}
