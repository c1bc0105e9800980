package cn.org.kczg.teams.events.evaluation;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.util.UUID;

/** Art. 20: the team was rated excellent in the year's assessment and is marked for stable support. */
public record TeamStableSupport(UUID teamId, String leadUnitCreditCode, int year) implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "team.stable-support";

    @Override
    public String eventType() {
        return TYPE;
    }
}
