package cn.org.kczg.teams.events.evaluation;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Art. 20: the operator published the year's assessment; one event per team with its total and grade
 * (EXCELLENT, GOOD, PASS, POOR). {@code computedGrade} differs from {@code grade} when the operator adjusted it.
 */
public record AssessmentPublished(UUID teamId, String leadUnitCreditCode, int year, UUID runId, BigDecimal total,
        String grade, String computedGrade) implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "assessment.published";

    @Override
    public String eventType() {
        return TYPE;
    }
}
