package cn.org.kczg.teams.activity.upload;

import cn.org.kczg.teams.activity.ticket.SlaClock;
import cn.org.kczg.teams.activity.upload.UploadDtos.CompletenessReport;
import cn.org.kczg.teams.activity.upload.UploadDtos.CompletenessRow;
import cn.org.kczg.teams.activity.upload.UploadDtos.CompletenessStatus;
import cn.org.kczg.teams.activity.upload.UploadDtos.CompletenessTotals;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.OwnObjects;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * Art. 12 completeness (after DHIS2's data-set completeness and approval): every active team owes one upload of each
 * scheduled kind for each reporting period that has ended; a row says where the latest version of it stands. The
 * expected periods come from the schedules (a handful per year), the rest is one SQL statement.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UploadCompleteness {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** The filters: a year (ignored when a period is named), and optionally a kind, period, team and status. */
    public record Filter(int year, UploadSchedule.Kind kind, String period, UUID teamId, CompletenessStatus status) {
    }

    private record Expected(UploadSchedule.Kind kind, String period, LocalDate dueDate) {
    }

    public CompletenessReport report(Caller caller, Filter filter, PageRequest page) {
        List<Expected> expected = expected(filter);
        if (expected.isEmpty()) {
            return CompletenessReport.of(new Page<>(List.of(), page.page(), page.size(), 0), totals(new Object[7]));
        }
        Parameters params = new Parameters();
        String grid = grid(expected, caller, filter.teamId(), params);
        Object[] sums = (Object[]) bind(em.createNativeQuery(grid + """
                select count(*), count(upload_id), count(*) filter (where status = 'SUBMITTED'),
                       count(*) filter (where status = 'ACCEPTED'), count(*) filter (where status = 'RETURNED'),
                       count(*) filter (where status = 'MISSING'), count(*) filter (where on_time)
                from grid"""), params).getSingleResult();
        CompletenessTotals totals = totals(sums);
        long total = totals.expected();
        if (filter.status() != null) {
            params.and("status", filter.status().name());
            total = ((Number) bind(em.createNativeQuery(grid + "select count(*) from grid where status = :status"),
                    params).getSingleResult()).longValue();
        }
        Query rows = bind(em.createNativeQuery(rows(grid, filter.status())), params);
        return CompletenessReport.of(Page.ofNative(rows, page, total, UploadCompleteness::row), totals);
    }

    /** Every row the filters match, in the list's order, for an export (in a transaction; close the stream). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Stream<CompletenessRow> all(Caller caller, Filter filter) {
        List<Expected> expected = expected(filter);
        if (expected.isEmpty()) {
            return Stream.empty();
        }
        Parameters params = new Parameters();
        String grid = grid(expected, caller, filter.teamId(), params);
        if (filter.status() != null) {
            params.and("status", filter.status().name());
        }
        Stream<Object[]> stream = bind(em.createNativeQuery(rows(grid, filter.status())), params)
                .setHint(HibernateHints.HINT_FETCH_SIZE, 1_000).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream();
        return stream.map(UploadCompleteness::row);
    }

    /**
     * The scheduled kinds' periods of the year (or the named period) that ended before today in China: an upload is
     * owed only for a period that is over.
     */
    private List<Expected> expected(Filter filter) {
        LocalDate today = LocalDate.now(clock.withZone(SlaClock.BEIJING));
        List<Expected> expected = new ArrayList<>();
        for (UploadSchedule s : UploadSchedule.<UploadSchedule>listAll()) {
            if (filter.kind() != null && filter.kind() != s.kind) {
                continue;
            }
            List<ReportingPeriod> periods = filter.period() == null ? ReportingPeriod.ofYear(filter.year(), s.period)
                    : ReportingPeriod.parse(filter.period(), s.period).stream().toList();
            for (ReportingPeriod p : periods) {
                if (p.end().isBefore(today)) {
                    expected.add(new Expected(s.kind, p.id(), p.dueDate(s.dueDay)));
                }
            }
        }
        return expected;
    }

    /** {@code period} names a period of some schedule length: 2026-Q3, 2026-H1 or 2026; 400 otherwise. */
    static String period(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(ReportingPeriod.Length.values()).map(l -> ReportingPeriod.parse(raw, l))
                .flatMap(java.util.Optional::stream).findFirst().map(ReportingPeriod::id)
                .orElseThrow(() -> ProblemException.invalid("period", Text.of("upload.period.any")));
    }

    /**
     * {@code with expected …, latest …, grid …} for the caller's active teams: the expected periods as bound values,
     * the latest version per team, kind and period (the {@code upload_version} index), one grid row per team and
     * expected period. The first version's due date holds for its later versions, so it is the row's due date.
     */
    private static String grid(List<Expected> expected, Caller caller, UUID teamId, Parameters params) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            values.add("(:k" + i + ", :p" + i + ", cast(:d" + i + " as date))");
            params.and("k" + i, expected.get(i).kind().name()).and("p" + i, expected.get(i).period())
                    .and("d" + i, expected.get(i).dueDate());
        }
        List<String> teams = new ArrayList<>(List.of("t.status = 'ACTIVE'"));
        if (!caller.isAny(Roles.OPERATOR, Roles.AUDITOR)) {
            // native SQL wants the list parameter in parentheses
            teams.add(OwnObjects.ofTeams(caller, params, "t.id", "t.lead_unit_credit_code")
                    .replace(" in :ownTeams", " in (:ownTeams)"));
        }
        if (teamId != null) {
            teams.add("t.id = :teamId");
            params.and("teamId", teamId);
        }
        return "with expected (kind, period, due_date) as (values " + String.join(", ", values) + "),\n"
                + """
                latest as (
                    select distinct on (u.team_id, u.kind, u.period) u.team_id, u.kind, u.period, u.id, u.version,
                           u.review_status, u.on_time, u.uploaded_at, u.due_date
                    from upload u join expected e on e.kind = u.kind and e.period = u.period
                    order by u.team_id, u.kind, u.period, u.version desc),
                grid as (
                    select t.id as team_id, t.name as team_name, e.kind, e.period,
                           coalesce(l.due_date, e.due_date) as due_date, coalesce(l.review_status, 'MISSING') as status,
                           l.id as upload_id, l.version, l.on_time, l.uploaded_at
                    from team t cross join expected e
                    left join latest l on l.team_id = t.id and l.kind = e.kind and l.period = e.period
                    where""" + " " + String.join(" and ", teams) + ")\n";
    }

    private static String rows(String grid, CompletenessStatus status) {
        return grid + "select team_id, team_name, kind, period, due_date, status, upload_id, version, on_time, "
                + "uploaded_at from grid" + (status == null ? "" : " where status = :status")
                + " order by team_name, team_id, kind, period";
    }

    private static Query bind(Query query, Parameters params) {
        params.map().forEach(query::setParameter);
        return query;
    }

    private static CompletenessTotals totals(Object[] sums) {
        long[] n = Arrays.stream(sums).mapToLong(v -> v == null ? 0 : ((Number) v).longValue()).toArray();
        return new CompletenessTotals(n[0], n[1], n[2], n[3], n[4], n[5], n[6], percent(n[2] + n[3], n[0]),
                percent(n[3], n[0]));
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(1) : BigDecimal.valueOf(part * 100)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static CompletenessRow row(Object[] r) {
        return new CompletenessRow(uuid(r[0]), (String) r[1], UploadSchedule.Kind.valueOf((String) r[2]),
                (String) r[3], date(r[4]), CompletenessStatus.valueOf((String) r[5]), uuid(r[6]),
                r[7] == null ? null : ((Number) r[7]).intValue(), (Boolean) r[8], instant(r[9]));
    }

    private static UUID uuid(Object value) {
        return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
