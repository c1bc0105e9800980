package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Art. 13: a volunteer logged hours, or the lead unit confirmed or rejected them; only
 * {@code participation.confirmed} hours count in the evaluation.
 */
public record ParticipationChanged(String type, UUID participationId, UUID teamId, UUID activityId, String volunteer,
        BigDecimal hours, int year, String reason) implements TeamEvent {
    public static final String LOGGED = "participation.logged";
    public static final String CONFIRMED = "participation.confirmed";
    public static final String REJECTED = "participation.rejected";

    @Override
    public String eventType() {
        return type;
    }
}
