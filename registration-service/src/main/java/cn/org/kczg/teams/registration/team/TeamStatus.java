package cn.org.kczg.teams.registration.team;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ACTIVE ↔ SUSPENDED; either → REVOKED (Art. 17, operator) or → DISQUALIFIED (Art. 20, evaluation). */
@Schema(name = "TeamStatus", description = "A service team's status: ACTIVE ↔ SUSPENDED; either → REVOKED (Art. 17, "
        + "by an operator) or → DISQUALIFIED (Art. 20, by the annual assessment). ACTIVE and SUSPENDED teams are live.")
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
