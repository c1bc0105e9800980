package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;

/**
 * Who sees a panel's scores. Members score independently: a member sees their own scores, and the others' (and the
 * means) only once they have scored themselves or the case is decided. The chair, who decides with the scores shown,
 * operators and auditors see everything; other reviewers and the lead unit see the means, never a member's scores or
 * comment.
 */
public record ScoreVisibility(Caller caller, ReviewCase c) {

    public boolean individual(String member) {
        if (everything()) {
            return true;
        }
        if (!caller.is(Roles.REVIEWER) || c.panel == null || !c.panel.hasMember(caller.subject())) {
            return false;
        }
        return member.equals(caller.subject()) || seenOthers();
    }

    public boolean means() {
        if (everything()) {
            return true;
        }
        boolean member = caller.is(Roles.REVIEWER) && c.panel != null && c.panel.hasMember(caller.subject());
        return !member || seenOthers();
    }

    private boolean everything() {
        return caller.isAny(Roles.OPERATOR, Roles.AUDITOR)
                || caller.is(Roles.REVIEWER) && c.panel != null && caller.subject().equals(c.panel.chair());
    }

    private boolean seenOthers() {
        boolean decided = c.status != ReviewStatus.PENDING && c.status != ReviewStatus.CHANGES_REQUESTED;
        return decided || c.panel.member(caller.subject()).map(Panel.Member::scored).orElse(false);
    }
}
