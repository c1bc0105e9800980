package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.UUID;

/** The lead unit named another handler for the team's demand-hall tickets. */
public record TeamHandlerChanged(UUID teamId, Handler handler, Instant changedAt) implements TeamEvent {
    public static final String TYPE = "team.handler-changed";

    @Override
    public String eventType() {
        return TYPE;
    }
}
