package cn.org.kczg.teams.activity.team;

import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.Roles;
import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.Set;
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

    /**
     * Narrows a list query (over an entity with {@code teamId} and {@code leadUnitCreditCode}) to the
     * caller's own teams, unless the caller is an operator or auditor.
     */
    public static void restrictToOwnTeams(Caller caller, List<String> where, Parameters params) {
        if (caller.isAny(Roles.OPERATOR, Roles.AUDITOR)) {
            return;
        }
        where.add("(cast(teamId as String) in :teams or leadUnitCreditCode = :org)");
        params.and("teams", caller.teams().isEmpty() ? Set.of("-") : caller.teams())
                .and("org", caller.org() == null ? "-" : caller.org());
    }
}
