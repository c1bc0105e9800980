package cn.org.kczg.teams.platform.security;

/** The JWT {@code groups} of the platform (requirements.md, "Who uses it"). */
public final class Roles {
    public static final String LEAD_UNIT = "lead-unit";
    public static final String HANDLER = "handler";
    public static final String VOLUNTEER = "volunteer";
    public static final String REVIEWER = "reviewer";
    public static final String OPERATOR = "operator";
    public static final String PARTNER = "partner";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
