package cn.org.kczg.teams.review.review;

/** The automatic checks of a review case. */
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
