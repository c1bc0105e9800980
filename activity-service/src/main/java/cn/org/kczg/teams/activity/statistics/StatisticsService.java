package cn.org.kczg.teams.activity.statistics;

import cn.org.kczg.teams.activity.statistics.StatisticsDtos.ActivityStatistics;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.Group;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.HoursGroup;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.TeamStatistics;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.TicketStatistics;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.UploadPeriod;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.UploadStatistics;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.VolunteerStatistics;
import cn.org.kczg.teams.activity.ticket.TicketStatus;
import cn.org.kczg.teams.activity.upload.ReportingPeriod;
import cn.org.kczg.teams.activity.upload.UploadSchedule;
import cn.org.kczg.teams.activity.volunteer.Participation;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Platform-wide figures, each breakdown one grouped SQL statement (grouping sets, so a table is read once per
 * answer where the breakdowns share it; jsonb arrays expanded for categories and pilot cities).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {
    private static final int OVERDUE_TEAMS = 20;

    @Inject
    EntityManager em;

    /** Tickets created in the year (China time), by status, region, asked-for category and overdue team. */
    public TicketStatistics tickets(StatisticsFilter f) {
        Where where = new Where().and("created_at >= :from", "from", f.from()).and("created_at < :until", "until", f.until())
                .andIf(f.region() != null, "region = :region", "region", f.region())
                .andIf(f.category() != null, "categories @> cast(:category as jsonb)", "category", jsonArray(f));
        Map<String, Long> byStatus = zeros(Arrays.stream(TicketStatus.values()).map(Enum::name).toList());
        Map<String, Long> byRegion = new LinkedHashMap<>();
        long total = 0;
        long overdue = 0;
        for (Object[] r : where.rows(em, """
                select grouping(status, region), status, region, count(*),
                       count(*) filter (where first_response_overdue or resolution_overdue)
                from ticket %s
                group by grouping sets ((status), (region), ())""")) {
            switch (intOf(r[0])) {
                case 1 -> byStatus.put((String) r[1], longOf(r[3]));
                case 2 -> byRegion.put((String) r[2], longOf(r[3]));
                default -> {
                    total = longOf(r[3]);
                    overdue = longOf(r[4]);
                }
            }
        }
        Map<String, Long> byCategory = categories(where, "ticket t", "t.categories");
        List<Group> overdueTeams = where.rows(em, """
                select cast(team_id as varchar), max(team_name), count(*) from ticket %s
                  and team_id is not null and (first_response_overdue or resolution_overdue)
                group by team_id order by count(*) desc, team_id""" + " limit " + OVERDUE_TEAMS).stream()
                .map(r -> new Group((String) r[0], (String) r[1], longOf(r[2]))).toList();
        return new TicketStatistics(f.year(), f.echo(), total, overdue,
                groups(byStatus, k -> StatisticsLabels.of(StatisticsLabels.TICKET_STATUS, k)),
                mostFirst(byRegion, StatisticsLabels::region),
                groups(byCategory, k -> StatisticsLabels.of(StatisticsLabels.CATEGORY, k)), overdueTeams);
    }

    /** Activities counted for the year (the year of their start date; withdrawn ones not), by category, city and month. */
    public ActivityStatistics activities(StatisticsFilter f) {
        Where where = new Where().and("year = :year", "year", f.year()).and("status <> 'WITHDRAWN'")
                .andIf(f.region() != null, "city = :region", "region", f.region())
                .andIf(f.category() != null, "category = :category", "category", categoryName(f));
        Map<String, Long> byCategory = zeros(categoryKeys());
        Map<String, Long> byRegion = new LinkedHashMap<>();
        Map<String, Long> byMonth = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.put(Integer.toString(m), 0L);
        }
        long total = 0;
        long participants = 0;
        for (Object[] r : where.rows(em, """
                select grouping(category, place, month), category, place, month, count(*), coalesce(sum(participants), 0)
                from (select category, coalesce(city, '-') as place,
                             cast(extract(month from start_date) as integer) as month, participants
                      from activity_report %s) a
                group by grouping sets ((category), (place), (month), ())""")) {
            switch (intOf(r[0])) {
                case 3 -> byCategory.put((String) r[1], longOf(r[4]));
                case 5 -> byRegion.put((String) r[2], longOf(r[4]));
                case 6 -> byMonth.put(Integer.toString(intOf(r[3])), longOf(r[4]));
                default -> {
                    total = longOf(r[4]);
                    participants = longOf(r[5]);
                }
            }
        }
        return new ActivityStatistics(f.year(), f.echo(), total, participants,
                groups(byCategory, k -> StatisticsLabels.of(StatisticsLabels.CATEGORY, k)),
                mostFirst(byRegion, StatisticsLabels::region),
                groups(byMonth, k -> StatisticsLabels.month(Integer.parseInt(k))));
    }

    /**
     * Art. 12: for every scheduled kind and each of its periods in the year, how many active teams (of the region
     * and category) uploaded, and how many of them on time.
     */
    public UploadStatistics uploads(StatisticsFilter f) {
        Where teams = teamFilter(f, "t").and("t.status = 'ACTIVE'");
        long expected = longOf(teams.single(em, "select count(*) from team t %s"));
        Map<String, UploadPeriod> byPeriod = new LinkedHashMap<>();
        List<UploadSchedule> schedules = UploadSchedule.<UploadSchedule>listAll().stream()
                .sorted(Comparator.comparing(s -> s.kind)).toList();
        for (UploadSchedule s : schedules) {
            for (ReportingPeriod p : periodsOf(f.year(), s.period)) {
                String kind = s.kind.name();
                byPeriod.put(kind + "/" + p.id(), new UploadPeriod(kind, StatisticsLabels.of(StatisticsLabels.UPLOAD_KIND,
                        kind), p.id(), expected, 0, 0, 0));
            }
        }
        if (!byPeriod.isEmpty()) {
            List<String> periods = byPeriod.values().stream().map(UploadPeriod::period).distinct().toList();
            for (Object[] r : teams.and("u.period in (:periods)", "periods", periods).rows(em, """
                    select u.kind, u.period, count(distinct u.team_id), count(distinct u.team_id) filter (where u.on_time)
                    from upload u join team t on t.id = u.team_id %s
                    group by u.kind, u.period""")) {
                UploadPeriod p = byPeriod.get(r[0] + "/" + r[1]);
                if (p != null) {
                    long uploaded = longOf(r[2]);
                    byPeriod.put(r[0] + "/" + r[1], new UploadPeriod(p.kind(), p.kindLabel(), p.period(), expected,
                            uploaded, longOf(r[3]), expected == 0 ? 0 : Math.min(1.0, (double) uploaded / expected)));
                }
            }
        }
        return new UploadStatistics(f.year(), f.echo(), expected, List.copyOf(byPeriod.values()));
    }

    /**
     * Art. 13: participations logged for the year's activities, and the confirmed hours by category and city (the
     * activity's, copied onto the participation).
     */
    public VolunteerStatistics volunteers(StatisticsFilter f) {
        Where where = new Where().and("year = :year", "year", f.year())
                .andIf(f.region() != null, "activity_city = :region", "region", f.region())
                .andIf(f.category() != null, "activity_category = :category", "category", categoryName(f));
        Map<String, HoursGroup> byStatus = new LinkedHashMap<>();
        for (Participation.Status s : Participation.Status.values()) {
            byStatus.put(s.name(), hours(s.name(), StatisticsLabels.PARTICIPATION_STATUS, 0, BigDecimal.ZERO));
        }
        Map<String, HoursGroup> byCategory = new LinkedHashMap<>();
        for (String c : categoryKeys()) {
            byCategory.put(c, hours(c, StatisticsLabels.CATEGORY, 0, BigDecimal.ZERO));
        }
        List<HoursGroup> byRegion = new ArrayList<>();
        long total = 0;
        BigDecimal confirmedHours = BigDecimal.ZERO;
        for (Object[] r : where.rows(em, """
                select grouping(status, activity_category, place), status, activity_category, place, count(*),
                       coalesce(sum(hours), 0), count(*) filter (where status = 'CONFIRMED'),
                       coalesce(sum(hours) filter (where status = 'CONFIRMED'), 0)
                from (select status, activity_category, coalesce(activity_city, '-') as place, hours
                      from participation %s) p
                group by grouping sets ((status), (activity_category), (place), ())""")) {
            switch (intOf(r[0])) {
                case 3 -> byStatus.put((String) r[1], hours((String) r[1], StatisticsLabels.PARTICIPATION_STATUS,
                        longOf(r[4]), (BigDecimal) r[5]));
                case 5 -> byCategory.put((String) r[2], hours((String) r[2], StatisticsLabels.CATEGORY, longOf(r[6]),
                        (BigDecimal) r[7]));
                case 6 -> {
                    if (longOf(r[6]) > 0) {
                        byRegion.add(new HoursGroup((String) r[3], StatisticsLabels.region((String) r[3]), longOf(r[6]),
                                (BigDecimal) r[7]));
                    }
                }
                default -> {
                    total = longOf(r[4]);
                    confirmedHours = (BigDecimal) r[7];
                }
            }
        }
        byRegion.sort(Comparator.comparing(HoursGroup::hours).reversed().thenComparing(HoursGroup::key));
        long volunteers = longOf(where.and("status = 'CONFIRMED'").single(em,
                "select count(distinct volunteer) from participation %s"));
        return new VolunteerStatistics(f.year(), f.echo(), total, volunteers, confirmedHours,
                List.copyOf(byStatus.values()), List.copyOf(byCategory.values()), byRegion);
    }

    /** Teams as activity-service's copy holds them now, by status, category and pilot city. */
    public TeamStatistics teams(StatisticsFilter f) {
        Where where = teamFilter(f, "t");
        Map<String, Long> byStatus = zeros(List.of("ACTIVE", "SUSPENDED", "REVOKED", "DISQUALIFIED"));
        long total = 0;
        for (Object[] r : where.rows(em, """
                select grouping(t.status), t.status, count(*) from team t %s group by grouping sets ((t.status), ())""")) {
            if (intOf(r[0]) == 0) {
                byStatus.put((String) r[1], longOf(r[2]));
            } else {
                total = longOf(r[2]);
            }
        }
        Map<String, Long> byRegion = new LinkedHashMap<>();
        for (Object[] r : where.rows(em, """
                select c.value, count(*) from team t cross join lateral jsonb_array_elements_text(t.pilot_cities) c(value) %s
                group by c.value""")) {
            byRegion.put((String) r[0], longOf(r[1]));
        }
        return new TeamStatistics(f.year(), f.echo(), total,
                groups(byStatus, k -> StatisticsLabels.of(StatisticsLabels.TEAM_STATUS, k)),
                groups(categories(where, "team t", "t.categories"), k -> StatisticsLabels.of(StatisticsLabels.CATEGORY, k)),
                mostFirst(byRegion, StatisticsLabels::region));
    }

    private Map<String, Long> categories(Where where, String table, String column) {
        Map<String, Long> counts = zeros(categoryKeys());
        for (Object[] r : where.rows(em, "select c.value, count(*) from " + table
                + " cross join lateral jsonb_array_elements_text(" + column + ") c(value) %s group by c.value")) {
            if (counts.containsKey((String) r[0])) {
                counts.put((String) r[0], longOf(r[1]));
            }
        }
        return counts;
    }

    private static Where teamFilter(StatisticsFilter f, String alias) {
        return new Where()
                .andIf(f.region() != null, alias + ".pilot_cities @> jsonb_build_array(cast(:region as text))",
                        "region", f.region())
                .andIf(f.category() != null, alias + ".categories @> cast(:category as jsonb)", "category", jsonArray(f));
    }

    static List<ReportingPeriod> periodsOf(int year, ReportingPeriod.Length length) {
        List<ReportingPeriod> periods = new ArrayList<>();
        LocalDate day = LocalDate.of(year, 1, 1);
        while (day.getYear() == year) {
            ReportingPeriod p = ReportingPeriod.parse(switch (length) {
                case QUARTERLY -> year + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
                case HALF_YEAR -> year + "-H" + (day.getMonthValue() <= 6 ? 1 : 2);
                case ANNUAL -> Integer.toString(year);
            }, length).orElseThrow();
            periods.add(p);
            day = p.end().plusDays(1);
        }
        return periods;
    }

    private static String jsonArray(StatisticsFilter f) {
        return f.category() == null ? null : "[\"" + f.category().name() + "\"]";
    }

    private static String categoryName(StatisticsFilter f) {
        return f.category() == null ? null : f.category().name();
    }

    private static List<String> categoryKeys() {
        return Arrays.stream(ServiceCategory.values()).map(Enum::name).toList();
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, 0L));
        return m;
    }

    private static List<Group> groups(Map<String, Long> counts, Function<String, String> label) {
        return counts.entrySet().stream().map(e -> new Group(e.getKey(), label.apply(e.getKey()), e.getValue())).toList();
    }

    private static List<Group> mostFirst(Map<String, Long> counts, Function<String, String> label) {
        return groups(counts, label).stream()
                .sorted(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::key)).toList();
    }

    private static HoursGroup hours(String key, Map<String, String> labels, long count, BigDecimal hours) {
        return new HoursGroup(key, StatisticsLabels.of(labels, key), count, hours);
    }

    private static long longOf(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static int intOf(Object o) {
        return ((Number) o).intValue();
    }

    /** The conditions of a statement and their parameters; the statement's {@code %s} becomes the where clause. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        Where and(String condition) {
            Where w = copy();
            w.conditions.add(condition);
            return w;
        }

        Where and(String condition, String name, Object value) {
            Where w = and(condition);
            w.params.put(name, value);
            return w;
        }

        Where andIf(boolean when, String condition, String name, Object value) {
            return when ? and(condition, name, value) : this;
        }

        private Where copy() {
            Where w = new Where();
            w.conditions.addAll(conditions);
            w.params.putAll(params);
            return w;
        }

        private Query query(EntityManager em, String sql) {
            String clause = conditions.isEmpty() ? "where true" : "where " + String.join(" and ", conditions);
            Query q = em.createNativeQuery(sql.formatted(clause));
            params.forEach(q::setParameter);
            return q;
        }

        @SuppressWarnings("unchecked")
        List<Object[]> rows(EntityManager em, String sql) {
            return query(em, sql).getResultList();
        }

        Object single(EntityManager em, String sql) {
            return query(em, sql).getSingleResult();
        }
    }
}
