package cn.org.kczg.teams.activity.team;

import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.Roles;
import java.util.UUID;

/** Who acts for a team: its handler ({@code teams} claim) and its lead unit ({@code org} claim). */
public final class TeamAccess {
    private TeamAccess() {
    }

    public static boolean actsForTeam(Caller caller, UUID teamId, String leadUnitCreditCode) {
        return teamId != null && (caller.teams().contains(teamId.toString()) || caller.actsFor(leadUnitCreditCode));
    }

    /** Everything a team owns is visible to the team and to operators and auditors; to others it does not exist. */
    public static boolean maySee(Caller caller, UUID teamId, String leadUnitCreditCode) {
        return caller.isAny(Roles.OPERATOR, Roles.AUDITOR) || actsForTeam(caller, teamId, leadUnitCreditCode);
    }
}
