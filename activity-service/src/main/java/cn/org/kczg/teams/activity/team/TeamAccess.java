package cn.org.kczg.teams.activity.team;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.OwnObjects;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.UUID;

/**
 * Who belongs to a team — its lead unit ({@code org} claim) and the people whose token names it ({@code teams}
 * claim) — and who acts for it: the lead unit, and of the team's people only the designated handler (Art. 12)
 * and the deputies the lead unit named.
 */
public final class TeamAccess {
    private TeamAccess() {
    }

    public static boolean belongsTo(Caller caller, UUID teamId, String leadUnitCreditCode) {
        return teamId != null && (caller.teams().contains(teamId.toString()) || caller.actsFor(leadUnitCreditCode));
    }

    public static boolean actsFor(Caller caller, TeamCopy team) {
        return caller.actsFor(team.leadUnitCreditCode) || (caller.teams().contains(team.id.toString())
                && team.designates(caller.subject()));
    }

    /** A team's people who are not its designated handler or a deputy see its work but do not act: 403. */
    public static TeamCopy requireActsFor(Caller caller, TeamCopy team) {
        if (!actsFor(caller, team)) {
            throw ProblemException.forbidden(Text.of("team.not-acting"));
        }
        return team;
    }

    /** Everything a team owns is visible to the team and to operators and auditors; to others it does not exist. */
    public static boolean maySee(Caller caller, UUID teamId, String leadUnitCreditCode) {
        return caller.isAny(Roles.OPERATOR, Roles.AUDITOR) || belongsTo(caller, teamId, leadUnitCreditCode);
    }

    /**
     * Narrows a list query (over an entity with {@code teamId} and {@code leadUnitCreditCode}) to the
     * caller's own teams, unless the caller is an operator or auditor.
     */
    public static void restrictToOwnTeams(Caller caller, List<String> where, Parameters params) {
        if (caller.isAny(Roles.OPERATOR, Roles.AUDITOR)) {
            return;
        }
        where.add(OwnObjects.ofTeams(caller, params, "teamId", "leadUnitCreditCode"));
    }
}
