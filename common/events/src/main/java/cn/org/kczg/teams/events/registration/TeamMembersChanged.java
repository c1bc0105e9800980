package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.UUID;

/** The lead unit changed the team's roster (Art. 7). */
public record TeamMembersChanged(UUID teamId, int memberCount, Instant changedAt) implements TeamEvent {
    public static final String TYPE = "team.members-changed";

    @Override
    public String eventType() {
        return TYPE;
    }
}
