package cn.org.kczg.teams.events.evaluation;

import cn.org.kczg.teams.events.LeadUnitEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Issue 21: the ban {@code banId} (a sanction's id for a ban of evaluation-service, a ban's id of review-service) no
 * longer stops the lead unit from applying. Announced by whichever service lifted it — review-service when an
 * operator lifts a ban, evaluation-service when an appeal against a sanction's ban is upheld — and followed by the
 * others.
 */
public record LeadUnitBanLifted(UUID banId, String creditCode, String reason, Instant liftedAt)
        implements LeadUnitEvent {
    public static final String TYPE = "lead-unit.ban-lifted";

    @Override
    public String eventType() {
        return TYPE;
    }
}
