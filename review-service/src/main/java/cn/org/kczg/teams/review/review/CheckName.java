package cn.org.kczg.teams.review.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The automatic checks of a review case. */
@Schema(name = "ReviewCheckName", description = "An automatic check of a review case: ELIGIBILITY (Art. 5, the "
        + "lead unit's category may lead a team), BAN (Art. 20, no ban in force), QUOTA (Art. 8, live teams and "
        + "applications under review within the limit; the only check a reviewer may override, with a written reason) and "
        + "COMPLETENESS (Art. 7, 10, 12: members with one leader, a pilot city, a handler).")
public enum CheckName {
    /** Art. 5: the lead unit's category may lead a team. */
    ELIGIBILITY,
    /** Art. 20: no ban in force. */
    BAN,
    /** Art. 8: live teams + applications under review within the limit. */
    QUOTA,
    /** Art. 7, 10, 12: members with one leader, a pilot city, a handler. */
    COMPLETENESS;

    /** Art. 8 says "in principle" for quotas; the other checks are absolute. */
    public boolean overridable() {
        return this == QUOTA;
    }
}
