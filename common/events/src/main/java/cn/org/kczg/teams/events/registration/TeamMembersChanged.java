package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.EventPayload;
import java.time.Instant;
import java.util.UUID;

/** The lead unit changed the team's roster (Art. 7). */
public record TeamMembersChanged(UUID teamId, int memberCount, Instant changedAt) implements EventPayload {
    public static final String TYPE = "team.members-changed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "team";
    }

    @Override
    public String aggregateId() {
        return teamId.toString();
    }
}
