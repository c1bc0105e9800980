package cn.org.kczg.teams.events;

import java.util.UUID;

/** An event about one team: keyed by the team id, so a team's events stay in order. */
public interface TeamEvent extends EventPayload {
    UUID teamId();

    @Override
    default String aggregateType() {
        return "team";
    }

    @Override
    default String aggregateId() {
        return teamId().toString();
    }

    @Override
    default UUID concernsTeam() {
        return teamId();
    }
}
