package cn.org.kczg.teams.events.evaluation;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.UUID;

/** Art. 20: the annual assessment rated the team poor, or a violation ended it: its qualification is gone. */
public record TeamDisqualified(UUID teamId, int year, String reason, Instant disqualifiedAt) implements TeamEvent {
    public static final String TYPE = "team.disqualified";

    @Override
    public String eventType() {
        return TYPE;
    }
}
