package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lead unit changed the team's roster (Art. 7); with the members' professional fields for matching (issue 22,
 * nullable: absent from earlier events).
 */
public record TeamMembersChanged(UUID teamId, int memberCount, Instant changedAt, List<String> memberFields)
        implements TeamEvent {
    public static final String TYPE = "team.members-changed";

    public TeamMembersChanged(UUID teamId, int memberCount, Instant changedAt) {
        this(teamId, memberCount, changedAt, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
