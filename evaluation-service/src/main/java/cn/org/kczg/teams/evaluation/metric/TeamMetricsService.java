package cn.org.kczg.teams.evaluation.metric;

import cn.org.kczg.teams.evaluation.team.TeamCopy;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team's metric values for a year and, per metric, the events that made them (Art. 21). */
@ApplicationScoped
public class TeamMetricsService {
    @Inject
    EntityManager em;

    @Schema(name = "MetricValue", description = "A team's value of one catalogue metric in a year.")
    public record MetricValue(
            @Schema(description = "The metric's code.", required = true, example = "activities") String metric,
            @Schema(description = "The metric's name.", required = true, example = "服务活动场次") String name,
            @Schema(description = "Its unit.", required = true, example = "次") String unit,
            @Schema(description = "The value; absent when not applicable.", example = "10") BigDecimal value,
            @Schema(description = "A rate's numerator count.") BigDecimal numerator,
            @Schema(description = "A rate's denominator count.") BigDecimal denominator,
            @Schema(description = "False for a rate with nothing to count.", required = true) boolean applicable) {
    }

    @Schema(name = "TeamMetrics", description = "A service team's metric values for a year (Art. 18, 21).")
    public record TeamMetrics(
            @Schema(description = "The service team's id.", required = true) UUID teamId,
            @Schema(description = "The service team's name.", required = true,
                    example = "“科创中国”智能制造产业科技服务团") String teamName,
            @Schema(description = "Unified social credit code of the team's lead unit.", required = true,
                    example = "91350100M000100Y43") String leadUnitCreditCode,
            @Schema(description = "The year.", required = true, example = "2026") int year,
            @Schema(description = "Every metric of the catalogue, in its order.", required = true)
            List<MetricValue> metrics) {
    }

    /** One event's part in a metric: the activity report, ticket, upload … it came from. */
    @Schema(name = "MetricContribution", description = "One event's part in a team's metric value: the activity "
            + "report, ticket, upload … it came from.")
    public record MetricContribution(
            @Schema(description = "The id of the event behind it.", required = true) UUID eventId,
            @Schema(description = "The event's type.", required = true, example = "activity.reported") String eventType,
            @Schema(description = "When the event happened.") Instant occurredAt,
            @Schema(description = "The fact or metric it counts under.", required = true, example = "activities")
            String fact,
            @Schema(description = "What it concerns: the activity, ticket or upload.") String subject,
            @Schema(description = "What it adds to the metric.", example = "1") BigDecimal amount) {
    }

    public Optional<TeamMetrics> metrics(Caller caller, UUID teamId, int year) {
        return visibleTeam(caller, teamId).map(team -> {
            Map<String, Object[]> rows = new HashMap<>();
            for (Object row : em.createNativeQuery(MetricValuesSql.QUERY).setParameter("year", year)
                    .setParameter("lo", teamId).setParameter("hi", teamId).getResultList()) {
                Object[] columns = (Object[]) row;
                rows.put((String) columns[1], columns);
            }
            List<MetricValue> values = MetricCatalogue.all().stream().map(metric -> {
                Object[] row = rows.get(metric.code());
                BigDecimal value = row == null ? (metric.isRate() ? null : BigDecimal.ZERO) : (BigDecimal) row[2];
                return new MetricValue(metric.code(), metric.name(), metric.unit(), value,
                        row == null ? null : (BigDecimal) row[3], row == null ? null : (BigDecimal) row[4],
                        value != null);
            }).toList();
            return new TeamMetrics(team.id, team.name, team.leadUnitCreditCode, year, values);
        });
    }

    public Optional<Page<MetricContribution>> contributions(Caller caller, UUID teamId, int year, Metric metric,
            PageRequest page) {
        return visibleTeam(caller, teamId).map(team -> metric.source() == Metric.Source.ACTIVITIES
                ? activityContributions(teamId, year, metric, page)
                : factContributions(teamId, year, metric, page));
    }

    private Page<MetricContribution> factContributions(UUID teamId, int year, Metric metric, PageRequest page) {
        String from = " from metric_fact where team_id = :team and year = :year and metric in (:facts)";
        List<String> facts = MetricCatalogue.factsOf(metric);
        long total = ((Number) em.createNativeQuery("select count(*)" + from).setParameter("team", teamId)
                .setParameter("year", year).setParameter("facts", facts).getSingleResult()).longValue();
        return Page.ofNative(em.createNativeQuery(
                "select event_id, event_type, occurred_at, metric, subject, amount" + from + " order by occurred_at, id")
                .setParameter("team", teamId).setParameter("year", year).setParameter("facts", facts), page, total,
                TeamMetricsService::contribution);
    }

    private Page<MetricContribution> activityContributions(UUID teamId, int year, Metric metric, PageRequest page) {
        String[] rule = activityRule(metric.code());
        String from = " from activity_record where team_id = :team and year = :year and " + rule[0];
        long total = ((Number) em.createNativeQuery("select count(*)" + from).setParameter("team", teamId)
                .setParameter("year", year).getSingleResult()).longValue();
        return Page.ofNative(em.createNativeQuery("select event_id, event_type, reported_at, '"
                + metric.code() + "', activity_id || ' ' || coalesce(title, '') || ' ' || coalesce(city, ''), cast(("
                + rule[1] + ") as numeric)" + from + " order by reported_at, activity_id")
                .setParameter("team", teamId).setParameter("year", year), page, total, TeamMetricsService::contribution);
    }

    /** Which activity records a metric counts and what each adds: {where, amount}. Codes come from the catalogue. */
    private static String[] activityRule(String code) {
        if (code.startsWith(MetricCatalogue.CATEGORY_PREFIX)) {
            return new String[] {"category = '" + code.substring(MetricCatalogue.CATEGORY_PREFIX.length()) + "'", "1"};
        }
        if (code.startsWith(MetricCatalogue.FORM_PREFIX)) {
            return new String[] {"form = '" + code.substring(MetricCatalogue.FORM_PREFIX.length()) + "'", "1"};
        }
        return switch (code) {
            case "activities.pilot", "pilot-cities" -> new String[] {"place_kind = 'PILOT'", "1"};
            case "enterprises-served" -> new String[] {"true", "enterprises_served"};
            case "participants" -> new String[] {"true", "participants"};
            case "outcomes.agreements" -> new String[] {"true", "agreements_signed"};
            case "outcomes.technologies-transferred" -> new String[] {"true", "technologies_transferred"};
            case "outcomes.standards" -> new String[] {"true", "standards_drafted"};
            case "outcomes.talents-trained" -> new String[] {"true", "talents_trained"};
            default -> new String[] {"true", "1"};
        };
    }

    private static MetricContribution contribution(Object[] c) {
        return new MetricContribution((UUID) c[0], (String) c[1], toInstant(c[2]), (String) c[3], (String) c[4],
                (BigDecimal) c[5]);
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private Optional<TeamCopy> visibleTeam(Caller caller, UUID teamId) {
        return TeamCopy.<TeamCopy>findByIdOptional(teamId).filter(team -> caller.isAny(Roles.OPERATOR, Roles.AUDITOR)
                || caller.teams().contains(teamId.toString()) || caller.actsFor(team.leadUnitCreditCode));
    }
}
