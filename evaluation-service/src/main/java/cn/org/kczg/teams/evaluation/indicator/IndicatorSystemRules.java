package cn.org.kczg.teams.evaluation.indicator;

import cn.org.kczg.teams.evaluation.metric.MetricCatalogue;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
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
            throw ProblemException.invalid("indicators", Text.of("indicators.weights-sum",
                    sum.stripTrailingZeros().toPlainString()));
        }
        Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String field = "indicators[" + i + "]";
            dimensions.add(indicator.dimension());
            if (!codes.add(indicator.code())) {
                throw ProblemException.invalid(field + ".code", Text.of("indicator.code-twice", indicator.code()));
            }
            if (MetricCatalogue.find(indicator.metric()).isEmpty()) {
                throw ProblemException.invalid(field + ".metric", Text.of("indicator.metric-unknown", indicator.metric()));
            }
            if (MetricCatalogue.PENALTY_METRICS.contains(indicator.metric())) {
                throw ProblemException.invalid(field + ".metric", Text.of("indicator.metric-penalty", indicator.metric()));
            }
            checkScoring(field, indicator);
        }
        if (dimensions.size() != Dimension.values().length) {
            throw ProblemException.invalid("indicators", Text.of("indicators.every-dimension"));
        }
        List<Penalty> penalties = draft.penalties() == null ? List.of() : draft.penalties();
        Set<String> penalised = new HashSet<>();
        for (int i = 0; i < penalties.size(); i++) {
            String metric = penalties.get(i).metric();
            if (!MetricCatalogue.PENALTY_METRICS.contains(metric) || !penalised.add(metric)) {
                throw ProblemException.invalid("penalties[" + i + "].metric", Text.of("penalty.metric",
                        MetricCatalogue.PENALTY_METRICS));
            }
        }
        GradeBands bands = draft.gradeBands();
        if (bands != null && !(bands.excellent().compareTo(bands.good()) > 0
                && bands.good().compareTo(bands.pass()) > 0)) {
            throw ProblemException.invalid("gradeBands", Text.of("grade-bands.order"));
        }
    }

    private static void checkScoring(String field, Indicator indicator) {
        if (indicator.scoring() == Indicator.Scoring.LINEAR) {
            if (indicator.target() == null) {
                throw ProblemException.invalid(field + ".target", Text.of("indicator.linear-target"));
            }
            return;
        }
        if (indicator.bands() == null || indicator.bands().isEmpty()) {
            throw ProblemException.invalid(field + ".bands", Text.of("indicator.banded-bands"));
        }
        Set<BigDecimal> mins = new HashSet<>();
        for (Indicator.Band band : indicator.bands()) {
            if (!mins.add(band.min().stripTrailingZeros())) {
                throw ProblemException.invalid(field + ".bands", Text.of("indicator.band-twice", band.min()));
            }
        }
    }
}
