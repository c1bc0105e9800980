package cn.org.kczg.teams.kit.privacy;

import cn.org.kczg.teams.kit.audit.AuditTrailQuery;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.privacy.PersonalDataKind;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The filters of the personal-data access list: who read, which object, which kind of field, and a period of days in
 * Beijing time — checked by the audit trail's rules for texts and days.
 */
public record PersonalDataAccessQuery(String actor, String objectType, String objectId, PersonalDataKind kind,
        Instant from, Instant to) {
    static final int MAX_TEXT = 200;

    public static PersonalDataAccessQuery of(String actor, String objectType, String objectId, String kind,
            String from, String to) {
        AuditTrailQuery days = AuditTrailQuery.of(null, null, null, null, from, to);
        return new PersonalDataAccessQuery(QueryParams.text("actor", actor, MAX_TEXT),
                QueryParams.text("objectType", objectType, MAX_TEXT), QueryParams.text("objectId", objectId, MAX_TEXT),
                kind(kind), days.from(), days.to());
    }

    /** HQL conditions on {@link PersonalDataAccess}, filling {@code parameters}. */
    public List<String> where(Parameters parameters) {
        List<String> where = new ArrayList<>();
        add(where, parameters, "actor", actor);
        add(where, parameters, "objectType", objectType);
        add(where, parameters, "objectId", objectId);
        if (from != null) {
            where.add("occurredAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            parameters.and("to", to);
        }
        if (kind != null) {
            where.add("kinds like :kind");
            parameters.and("kind", "%," + kind.name() + ",%");
        }
        return where;
    }

    private static void add(List<String> where, Parameters parameters, String field, String value) {
        if (value != null) {
            where.add(field + " = :" + field);
            parameters.and(field, value);
        }
    }

    private static PersonalDataKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(PersonalDataKind.values()).filter(k -> k.name().equalsIgnoreCase(raw.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("kind", Text.of("personal-data-access.kind",
                        Arrays.toString(PersonalDataKind.values()))));
    }
}
