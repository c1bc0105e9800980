package cn.org.kczg.teams.activity.notification;

import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * To whom a notice goes, written as the claim that lets a caller see its object: {@code team:<id>} (the people
 * whose token names the team), {@code org:<credit code>} (the lead unit), {@code role:<role>} (every operator, every
 * reviewer) or {@code user:<sub>}. A caller reads exactly the notices of the audiences its own token gives it.
 */
public final class Audience {
    private static final List<String> STAFF = List.of(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR);

    private Audience() {
    }

    public static String team(UUID teamId) {
        return "team:" + teamId;
    }

    public static String leadUnit(String creditCode) {
        return "org:" + creditCode.toUpperCase();
    }

    public static String role(String role) {
        return "role:" + role;
    }

    public static String user(String subject) {
        return "user:" + subject;
    }

    public static List<String> of(Caller caller) {
        List<String> audiences = new ArrayList<>();
        if (caller.subject() != null) {
            audiences.add(user(caller.subject()));
        }
        STAFF.stream().filter(caller::is).map(Audience::role).forEach(audiences::add);
        caller.teams().stream().sorted().map(t -> "team:" + t).forEach(audiences::add);
        if (caller.org() != null && caller.is(Roles.LEAD_UNIT)) {
            audiences.add(leadUnit(caller.org()));
        }
        return audiences;
    }
}
