package cn.org.kczg.teams.registration.team;

import java.util.EnumSet;
import java.util.Set;

/** ACTIVE ↔ SUSPENDED; either → REVOKED (Art. 17, operator) or → DISQUALIFIED (Art. 20, evaluation). */
public enum TeamStatus {
    ACTIVE, SUSPENDED, REVOKED, DISQUALIFIED;

    public Set<TeamStatus> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(SUSPENDED, REVOKED, DISQUALIFIED);
            case SUSPENDED -> EnumSet.of(ACTIVE, REVOKED, DISQUALIFIED);
            case REVOKED, DISQUALIFIED -> EnumSet.noneOf(TeamStatus.class);
        };
    }

    /** A live team holds its name and counts against its lead unit's quota. */
    public boolean live() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
