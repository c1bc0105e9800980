package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.util.UUID;

/** The operator's outcome for a flagged fee: UPHELD counts against the team in the evaluation (Art. 16, 18). */
public record FeeViolationDecided(UUID violationId, UUID activityId, UUID teamId, int year, String outcome,
        String reason) implements TeamEvent {
    public static final String TYPE = "fee-violation.decided";

    @Override
    public String eventType() {
        return TYPE;
    }
}
