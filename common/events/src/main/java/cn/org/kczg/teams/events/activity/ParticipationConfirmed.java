package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.math.BigDecimal;
import java.util.UUID;

/** Art. 13: the lead unit confirmed a volunteer's hours; only confirmed hours count in the evaluation. */
public record ParticipationConfirmed(UUID participationId, UUID teamId, UUID activityId, String volunteer,
        BigDecimal hours, int year) implements TeamEvent {
    public static final String TYPE = "participation.confirmed";

    @Override
    public String eventType() {
        return TYPE;
    }
}
