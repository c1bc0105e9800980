package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.evaluation.indicator.GradeBands;
import cn.org.kczg.teams.evaluation.indicator.Indicator;
import cn.org.kczg.teams.evaluation.indicator.IndicatorSystem;
import cn.org.kczg.teams.evaluation.indicator.Penalty;
import cn.org.kczg.teams.evaluation.metric.MetricCatalogue;
import cn.org.kczg.teams.evaluation.metric.MetricValuesSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The set-based scoring of a run: one pass over the year's records for every team's metric values, then one
 * SQL statement per slice of teams (indicator scores, dimensions, penalties, veto and grade), whatever the number
 * of teams or activity records.
 *
 * <p>An indicator whose rate has nothing to count (no ticket reached the team) is not applicable: the weights
 * of the team's applicable indicators are rescaled to 100, so no team gains or loses by having had no demand.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AssessmentScoring {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** A team the year's assessment scores: activated before the year ended, not ended before it began. */
    private static final String LIVE_IN_YEAR =
            "activated_at < :yearEnd and (ended_at is null or ended_at >= :yearStart)";

    private static final String SCORED_TEAMS = """
            scored as (select id, name, lead_unit_credit_code, lead_unit_name from team
                       where id between :lo and :hi and %s)""".formatted(LIVE_IN_YEAR);

    /**
     * One statement per slice: the indicator scores are inserted and, from what that insert returns (not from
     * the table, whose statistics lag during a run), each team's dimensions, penalty, veto and grade — by the
     * rules of {@link ScoringRules}.
     */
    private static final String SLICE = """
            with %s,
            mv as (select team_id, metric, value from run_metric_value
                   where run_id = :run and team_id between :lo and :hi),
            v as (select t.id as team_id, i.code, i.scoring, i.target,
                         %s as value
                  from scored t cross join run_indicator i
                  left join mv on mv.team_id = t.id and mv.metric = i.metric
                  where i.run_id = :run),
            s as (insert into indicator_score (run_id, team_id, code, value, score, applicable)
                  select :run, v.team_id, v.code, v.value,
                         %s,
                         v.value is not null
                  from v
                  returning team_id, code, score, applicable),
            dims as (select s.team_id, %s, %s, %s,
                            coalesce(%s, 0) as base
                     from s join run_indicator i on i.run_id = :run and i.code = s.code
                     group by s.team_id),
            pen as (select f.team_id, %s as penalty
                    from metric_fact f join run_penalty p on p.run_id = :run and p.metric = f.metric
                    where f.year = :year and f.team_id between :lo and :hi group by f.team_id),
            fee as (select team_id, cast(sum(amount) as int) as n from metric_fact
                    where year = :year and metric = '%s' and team_id between :lo and :hi group by team_id),
            r as (select t.id, t.name, t.lead_unit_credit_code, coalesce(lu.name, t.lead_unit_name) as lead_unit_name,
                         d.organisation, d.content, d.effect, d.base, coalesce(pen.penalty, 0) as penalty,
                         %s as total, coalesce(fee.n, 0) as fees
                  from scored t join dims d on d.team_id = t.id
                  left join lead_unit lu on lu.credit_code = t.lead_unit_credit_code
                  left join pen on pen.team_id = t.id left join fee on fee.team_id = t.id)
            insert into team_result (run_id, team_id, team_name, lead_unit_credit_code, lead_unit_name, organisation,
                content, effect, base_score, penalty, total, fee_violations, vetoed, computed_grade, grade)
            select :run, id, name, lead_unit_credit_code, lead_unit_name, organisation, content, effect, base, penalty,
                   total, fees, %s, g, g
            from (select r.*, %s as g from r) graded""".formatted(SCORED_TEAMS,
            ScoringRules.indicatorValue("mv.value", "i.metric"),
            ScoringRules.indicatorScore("v.scoring", "v.value", "v.target",
                    ScoringRules.bandReached("run_band", "b.run_id = :run and b.code = v.code", "v.value")),
            dimension("ORGANISATION", "organisation"), dimension("CONTENT", "content"), dimension("EFFECT", "effect"),
            ScoringRules.weightedScore("s.score", "i.weight", "s.applicable"),
            ScoringRules.penalty("p.points", "f.amount"),
            MetricCatalogue.FEE_VIOLATIONS_UPHELD,
            ScoringRules.total("d.base", "coalesce(pen.penalty, 0)"),
            ScoringRules.vetoed("fees", ":veto"),
            ScoringRules.grade("fees", ":veto", "total", ":excellent", ":good", ":pass"));

    @Inject
    EntityManager em;
    @Inject
    AssessmentConfig config;

    /** The system as this run uses it, kept with the run so its results stay explainable. */
    public void snapshot(UUID runId, IndicatorSystem system) {
        for (Indicator i : system.indicators) {
            em.createNativeQuery("insert into run_indicator (run_id, code, dimension, metric, weight, scoring, target)"
                    + " values (:run, :code, :dimension, :metric, :weight, :scoring, :target)")
                    .setParameter("run", runId).setParameter("code", i.code())
                    .setParameter("dimension", i.dimension().name()).setParameter("metric", i.metric())
                    .setParameter("weight", i.weight()).setParameter("scoring", i.scoring().name())
                    .setParameter("target", i.target()).executeUpdate();
            for (Indicator.Band band : i.bands() == null ? List.<Indicator.Band>of() : i.bands()) {
                em.createNativeQuery("insert into run_band (run_id, code, min_value, score) values (:run, :code, :min, :score)")
                        .setParameter("run", runId).setParameter("code", i.code()).setParameter("min", band.min())
                        .setParameter("score", band.score()).executeUpdate();
            }
        }
        for (Penalty p : system.penalties) {
            em.createNativeQuery("insert into run_penalty (run_id, metric, points) values (:run, :metric, :points)")
                    .setParameter("run", runId).setParameter("metric", p.metric()).setParameter("points", p.points())
                    .executeUpdate();
        }
    }

    private static final String METRIC_VALUES = """
            insert into run_metric_value (run_id, team_id, metric, value)
            select :run, team_id, metric, value from (%s) mv
            where metric in (select metric from run_indicator where run_id = :run)
            order by team_id
            """;
    private static final UUID LOWEST = new UUID(0L, 0L);
    private static final UUID HIGHEST = new UUID(-1L, -1L);

    /** Every team's values of the metrics the run's indicators read, in one pass over the year's records. */
    public void computeMetricValues(UUID runId, int year) {
        boolean breakdown = ((Number) em.createNativeQuery("select count(*) from run_indicator where run_id = :run"
                + " and (metric like '" + MetricCatalogue.CATEGORY_PREFIX + "%' or metric like '"
                + MetricCatalogue.FORM_PREFIX + "%')").setParameter("run", runId).getSingleResult()).longValue() > 0;
        // the per-team aggregation sorts the year's records (count distinct): give it memory, not temp files
        em.createNativeQuery("set local work_mem = '" + config.workMem() + "'").executeUpdate();
        noJit();
        em.createNativeQuery(METRIC_VALUES.formatted(breakdown ? MetricValuesSql.QUERY
                : MetricValuesSql.WITHOUT_BREAKDOWN)).setParameter("run", runId).setParameter("year", year)
                .setParameter("lo", LOWEST).setParameter("hi", HIGHEST).executeUpdate();
        // the slices read these by team range at once, before autovacuum would have counted them
        em.createNativeQuery("analyze run_metric_value").executeUpdate();
    }

    /** Teams live at some time in the year, in id order (the slices are id ranges). */
    @SuppressWarnings("unchecked")
    public List<UUID> teamsOf(int year) {
        return em.createNativeQuery("select id from team where " + LIVE_IN_YEAR + " order by id")
                .setParameter("yearStart", start(year)).setParameter("yearEnd", start(year + 1)).getResultList();
    }

    public int countTeamsOf(int year) {
        return ((Number) em.createNativeQuery("select count(*) from team where " + LIVE_IN_YEAR)
                .setParameter("yearStart", start(year))
                .setParameter("yearEnd", start(year + 1)).getSingleResult()).intValue();
    }

    /** Scores the year's teams with ids in [lo, hi]; returns how many results were written. */
    public int scoreSlice(UUID runId, int year, UUID lo, UUID hi, GradeBands bands, int veto) {
        // a generic plan made without the slice's bounds can be far worse than the custom one
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        noJit();
        return bind(em.createNativeQuery(SLICE), runId, year, lo, hi).setParameter("year", year)
                .setParameter("veto", veto)
                .setParameter("excellent", bands.excellent()).setParameter("good", bands.good())
                .setParameter("pass", bands.pass()).executeUpdate();
    }

    /** Removes a run's results (a failed run's partial ones, or a draft a newer run replaced). */
    public void discardResults(UUID runId) {
        em.createNativeQuery("delete from run_metric_value where run_id = :run").setParameter("run", runId)
                .executeUpdate();
        em.createNativeQuery("delete from indicator_score where run_id = :run").setParameter("run", runId).executeUpdate();
        em.createNativeQuery("delete from team_result where run_id = :run").setParameter("run", runId).executeUpdate();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, UUID runId, int year, UUID lo,
            UUID hi) {
        return query.setParameter("run", runId).setParameter("lo", lo)
                .setParameter("hi", hi).setParameter("yearStart", start(year)).setParameter("yearEnd", start(year + 1));
    }

    static Instant start(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(BEIJING).toInstant();
    }

    /** These statements run once per slice: compiling them (≈ 0.1 s each) costs more than it saves. */
    private void noJit() {
        em.createNativeQuery("set local jit = off").executeUpdate();
    }

    private static String dimension(String dimension, String column) {
        return ScoringRules.weightedScore("s.score", "i.weight", "s.applicable and i.dimension = '" + dimension + "'")
                + " as " + column;
    }
}
