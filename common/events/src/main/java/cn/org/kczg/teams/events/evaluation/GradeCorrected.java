package cn.org.kczg.teams.events.evaluation;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.util.UUID;

/**
 * Issue 21: an upheld appeal corrected a team's published grade ({@code previousGrade} → {@code grade}, EXCELLENT,
 * GOOD, PASS or POOR). What the old grade caused is undone by its own events ({@code team.disqualification-reversed}
 * when it was POOR); what the new one causes follows as on publishing.
 */
public record GradeCorrected(UUID teamId, String leadUnitCreditCode, int year, UUID runId, String previousGrade,
        String grade, UUID appealId, String reason) implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "assessment.grade-corrected";

    @Override
    public String eventType() {
        return TYPE;
    }
}
