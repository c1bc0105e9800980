package cn.org.kczg.teams.evaluation.indicator;

import cn.org.kczg.teams.evaluation.metric.MetricCatalogue;
import cn.org.kczg.teams.kit.problem.ProblemException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Art. 18 rules a draft must meet beyond field constraints; each failure names the field. */
public final class IndicatorSystemRules {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private IndicatorSystemRules() {
    }

    public static void check(SystemDraft draft) {
        List<Indicator> indicators = draft.indicators();
        BigDecimal sum = indicators.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(HUNDRED) != 0) {
            throw ProblemException.invalid("indicators", "weights must sum to 100; they sum to " + sum.stripTrailingZeros()
                    .toPlainString());
        }
        Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String field = "indicators[" + i + "]";
            dimensions.add(indicator.dimension());
            if (!codes.add(indicator.code())) {
                throw ProblemException.invalid(field + ".code", "code " + indicator.code() + " is used twice");
            }
            if (MetricCatalogue.find(indicator.metric()).isEmpty()) {
                throw ProblemException.invalid(field + ".metric", "unknown metric " + indicator.metric()
                        + "; see GET /api/v1/indicator-systems/metrics");
            }
            if (MetricCatalogue.PENALTY_METRICS.contains(indicator.metric())) {
                throw ProblemException.invalid(field + ".metric", indicator.metric()
                        + " only subtracts: list it under penalties");
            }
            checkScoring(field, indicator);
        }
        if (dimensions.size() != Dimension.values().length) {
            throw ProblemException.invalid("indicators", "every dimension (ORGANISATION 组织运行, CONTENT 服务内容, "
                    + "EFFECT 实施效果) needs at least one indicator");
        }
        List<Penalty> penalties = draft.penalties() == null ? List.of() : draft.penalties();
        Set<String> penalised = new HashSet<>();
        for (int i = 0; i < penalties.size(); i++) {
            String metric = penalties.get(i).metric();
            if (!MetricCatalogue.PENALTY_METRICS.contains(metric) || !penalised.add(metric)) {
                throw ProblemException.invalid("penalties[" + i + "].metric", "must be one of "
                        + MetricCatalogue.PENALTY_METRICS + ", each once");
            }
        }
        GradeBands bands = draft.gradeBands();
        if (bands != null && !(bands.excellent().compareTo(bands.good()) > 0
                && bands.good().compareTo(bands.pass()) > 0)) {
            throw ProblemException.invalid("gradeBands", "must be excellent > good > pass");
        }
    }

    private static void checkScoring(String field, Indicator indicator) {
        if (indicator.scoring() == Indicator.Scoring.LINEAR) {
            if (indicator.target() == null) {
                throw ProblemException.invalid(field + ".target", "a LINEAR indicator needs a target above 0");
            }
            return;
        }
        if (indicator.bands() == null || indicator.bands().isEmpty()) {
            throw ProblemException.invalid(field + ".bands", "a BANDED indicator needs at least one band");
        }
        Set<BigDecimal> mins = new HashSet<>();
        for (Indicator.Band band : indicator.bands()) {
            if (!mins.add(band.min().stripTrailingZeros())) {
                throw ProblemException.invalid(field + ".bands", "two bands start at " + band.min());
            }
        }
    }
}
