package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.util.UUID;

/** A reported activity was withdrawn before its year's assessment was published: it counts for nothing any more. */
public record ActivityWithdrawn(UUID activityId, UUID teamId, String leadUnitCreditCode, int year, String reason)
        implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "activity.withdrawn";

    @Override
    public String eventType() {
        return TYPE;
    }
}
