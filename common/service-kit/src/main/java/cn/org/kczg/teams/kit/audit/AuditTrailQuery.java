package cn.org.kczg.teams.kit.audit;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.web.QueryParams;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of the audit-trail list: who, what, which record, and a period of days in Beijing time ({@code from}
 * and {@code to} inclusive). Plain so it is testable without Quarkus.
 */
public record AuditTrailQuery(String actor, String action, String aggregateType, String aggregateId, Instant from,
        Instant to) {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int MAX_TEXT = 200;

    public static AuditTrailQuery of(String actor, String action, String aggregateType, String aggregateId,
            String from, String to) {
        Instant start = day("from", from, false);
        Instant end = day("to", to, true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalid("to", Text.of("audit.to-before-from"));
        }
        return new AuditTrailQuery(QueryParams.text("actor", actor, MAX_TEXT),
                QueryParams.text("action", action, MAX_TEXT), QueryParams.text("aggregateType", aggregateType, MAX_TEXT),
                QueryParams.text("aggregateId", aggregateId, MAX_TEXT), start, end);
    }

    /** HQL conditions on {@link AuditEntry}, filling {@code parameters}. */
    public List<String> where(Parameters parameters) {
        List<String> where = new ArrayList<>();
        add(where, parameters, "actor", actor);
        add(where, parameters, "action", action);
        add(where, parameters, "aggregateType", aggregateType);
        add(where, parameters, "aggregateId", aggregateId);
        if (from != null) {
            where.add("occurredAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            parameters.and("to", to);
        }
        return where;
    }

    private static void add(List<String> where, Parameters parameters, String field, String value) {
        if (value != null) {
            where.add(field + " = :" + field);
            parameters.and(field, value);
        }
    }

    /** The start of the day ({@code end}: of the day after), a date {@code yyyy-MM-dd} in Beijing time. */
    private static Instant day(String name, String raw, boolean end) {
        LocalDate date = QueryParams.date(name, raw);
        return date == null ? null : (end ? date.plusDays(1) : date).atStartOfDay(BEIJING).toInstant();
    }
}
