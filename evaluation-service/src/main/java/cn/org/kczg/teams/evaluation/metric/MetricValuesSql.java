package cn.org.kczg.teams.evaluation.metric;

import static cn.org.kczg.teams.evaluation.metric.MetricCatalogue.CATEGORY_PREFIX;
import static cn.org.kczg.teams.evaluation.metric.MetricCatalogue.FORM_PREFIX;

import java.util.stream.Collectors;

/**
 * The one SQL query that computes every catalogue metric for the teams with ids in {@code [:lo, :hi]} and
 * year {@code :year}: rows {@code (team_id, metric, value, numerator, denominator)}, set-based — two scans of
 * the year's activity records (one without the per-category and per-form counts) and two of its facts, whatever the number of teams. A team without any
 * record of a metric has no row (a count is then 0, a rate not applicable).
 */
public final class MetricValuesSql {

    private static final String BREAKDOWN = """
            union all
            select team_id, case when category is not null then '%s' || category else '%s' || form end,
                   count(*), null, null
            from activity_record where year = :year and team_id between :lo and :hi
            group by grouping sets ((team_id, category), (team_id, form))""".formatted(CATEGORY_PREFIX, FORM_PREFIX);

    public static final String QUERY = query(true);

    /** The same without the per-category and per-form counts (one scan less when no indicator reads them). */
    public static final String WITHOUT_BREAKDOWN = query(false);

    private static String query(boolean breakdown) {
        return """
            select a.team_id, m.metric, cast(m.value as numeric) as value, cast(null as numeric) as numerator, cast(null as numeric) as denominator
            from (select team_id, count(*) as activities,
                         count(*) filter (where place_kind = 'PILOT') as pilot_activities,
                         count(distinct city) filter (where place_kind = 'PILOT') as pilot_cities,
                         sum(enterprises_served) as enterprises, sum(participants) as participants,
                         sum(agreements_signed) as agreements, sum(technologies_transferred) as technologies,
                         sum(standards_drafted) as standards, sum(talents_trained) as talents
                  from activity_record where year = :year and team_id between :lo and :hi group by team_id) a
            cross join lateral (values ('activities', a.activities), ('activities.pilot', a.pilot_activities),
                  ('pilot-cities', a.pilot_cities), ('enterprises-served', a.enterprises),
                  ('participants', a.participants), ('outcomes.agreements', a.agreements),
                  ('outcomes.technologies-transferred', a.technologies), ('outcomes.standards', a.standards),
                  ('outcomes.talents-trained', a.talents)) as m(metric, value)
            %s
            union all
            select team_id, metric, sum(amount), null, null
            from metric_fact where year = :year and team_id between :lo and :hi and metric in (%s)
            group by team_id, metric
            union all
            select f.team_id, r.metric, case when r.den > 0 then round(100 * r.num / r.den, 2) end, r.num, r.den
            from (select team_id, %s
                  from metric_fact where year = :year and team_id between :lo and :hi group by team_id) f
            cross join lateral (values %s) as r(metric, num, den)
            """.formatted(breakdown ? BREAKDOWN : "", quotedFactMetrics(), rateColumns(), rateRows());
    }


    private MetricValuesSql() {
    }

    private static String quotedFactMetrics() {
        return MetricCatalogue.all().stream().filter(m -> m.source() == Metric.Source.FACTS)
                .map(m -> "'" + m.code() + "'").collect(Collectors.joining(", "));
    }

    private static String rateColumns() {
        StringBuilder columns = new StringBuilder();
        int i = 0;
        for (Metric rate : MetricCatalogue.rates()) {
            if (i > 0) {
                columns.append(", ");
            }
            columns.append("coalesce(sum(amount) filter (where metric = '").append(rate.numerator())
                    .append("'), 0) as n").append(i).append(", coalesce(sum(amount) filter (where metric = '")
                    .append(rate.denominator()).append("'), 0) as d").append(i);
            i++;
        }
        return columns.toString();
    }

    private static String rateRows() {
        StringBuilder rows = new StringBuilder();
        int i = 0;
        for (Metric rate : MetricCatalogue.rates()) {
            if (i > 0) {
                rows.append(", ");
            }
            rows.append("('").append(rate.code()).append("', f.n").append(i).append(", f.d").append(i).append(")");
            i++;
        }
        return rows.toString();
    }
}
