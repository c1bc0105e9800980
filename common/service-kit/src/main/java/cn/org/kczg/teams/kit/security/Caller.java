package cn.org.kczg.teams.kit.security;

import cn.org.kczg.teams.platform.security.Roles;
import java.util.Arrays;
import java.util.Set;

/**
 * Who is calling, read once from the JWT: resources ask this record and never parse claims.
 *
 * @param org     the lead unit's unified social credit code ({@code org} claim), if any
 * @param teams   team ids a handler serves ({@code teams} claim)
 * @param partner the partner system's id ({@code partner} claim), if any
 */
public record Caller(String subject, Set<String> roles, String org, Set<String> teams, String partner) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null, Set.of(), null);

    public boolean authenticated() {
        return subject != null;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAny(String... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    /** True when the caller acts for this organisation (its own {@code org} claim). */
    public boolean actsFor(String creditCode) {
        return org != null && org.equalsIgnoreCase(creditCode);
    }

    /** The role written to the audit trail: the most privileged one the caller holds. */
    public String primaryRole() {
        for (String role : new String[] {Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR, Roles.LEAD_UNIT,
                Roles.HANDLER, Roles.PARTNER, Roles.VOLUNTEER}) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return authenticated() ? "user" : "anonymous";
    }
}
