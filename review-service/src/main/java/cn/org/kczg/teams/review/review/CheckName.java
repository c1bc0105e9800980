package cn.org.kczg.teams.review.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The automatic checks of a review case. */
@Schema(name = "ReviewCheckName", description = "An automatic check of a review case: ELIGIBILITY (Art. 5, the "
        + "lead unit's category may lead a team), BAN (Art. 20, no ban in force), QUOTA (Art. 8, live teams and "
        + "applications under review within the limit) and COMPLETENESS (Art. 7, 10, 12: members with one leader, a pilot city, a handler). A reviewer may "
        + "override a failed ELIGIBILITY or QUOTA check with a written reason; BAN and COMPLETENESS are absolute.")
public enum CheckName {
    /** Art. 5: the lead unit's category may lead a team. */
    ELIGIBILITY,
    /** Art. 20: no ban in force. */
    BAN,
    /** Art. 8: live teams + applications under review within the limit. */
    QUOTA,
    /** Art. 7, 10, 12: members with one leader, a pilot city, a handler. */
    COMPLETENESS;

    /**
     * Art. 8 says "in principle" for quotas, and Art. 5's list of eligible units ends in 等, so a unit of an unlisted
     * kind may be admitted; a ban (Art. 20) and missing parts are absolute.
     */
    public boolean overridable() {
        return this == QUOTA || this == ELIGIBILITY;
    }
}
