package cn.org.kczg.teams.registration.privacy;

import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.privacy.AuditRetention;
import cn.org.kczg.teams.kit.privacy.Erasures;
import cn.org.kczg.teams.kit.privacy.RecordRetention;
import cn.org.kczg.teams.kit.privacy.RecordTable;
import cn.org.kczg.teams.kit.privacy.RetentionPeriod;
import cn.org.kczg.teams.registration.team.Team;
import cn.org.kczg.teams.registration.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Enforces TEAM and APPLICATION of docs/personal-data.md: three years after a team ended (revoked or disqualified),
 * or after the decision on an application that did not become a team, the handler's name and contacts and the
 * members' names, affiliations and titles go, and login ids become {@value #EXPIRED}; the team, its application, its
 * name and its members' fields and roles stay. A team's copies elsewhere follow its {@code team.handler-changed}.
 * A lead unit's contact person follows its last team (TEAM), else its last application (APPLICATION), else its
 * registration (the APPLICATION period); RECORD and AUDIT as in every service.
 * Batches are transactions of their own that claim rows with {@code for update skip locked}.
 */
@ApplicationScoped
public class RetentionPurge {
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    public static final String EXPIRED = "erased";
    private static final String HANDLER = "jsonb_build_object('name', '" + Erasures.ERASED_NAME
            + "', 'phone', null, 'email', null, 'userId', '" + EXPIRED + "', 'deputies', cast('[]' as jsonb))";
    private static final String MEMBERS = "(select coalesce(jsonb_agg(m || jsonb_build_object('name', '"
            + Erasures.ERASED_NAME + "', 'affiliation', null, 'title', null)), cast('[]' as jsonb)) "
            + "from jsonb_array_elements(%s) m)";

    @Inject
    RetentionConfig config;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    RecordRetention records;
    @Inject
    AuditRetention audits;

    /** RECORD here, with the year each row concerns (docs/personal-data.md, "Retention"). */
    static final List<RecordTable> RECORDS = List.of(
            RecordTable.of("RegistrationWindow", "registration_window", "year", "version", "created_by"),
            RecordTable.of("DataImport", "data_import", RecordTable.yearOf("created_at"), null, "created_by"),
            RecordTable.of("ErasureRequest", "personal_data_erasure", RecordTable.yearOf("requested_at"), null,
                    "requested_by"));

    @Scheduled(every = "${kczg.retention.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "30s")
    void scheduled() {
        Map<String, Integer> purged = purge();
        if (purged.values().stream().anyMatch(n -> n > 0)) {
            LOG.infof("Retention purge anonymised %s", purged);
        }
    }

    /** Runs both classes until nothing more has expired; rows anonymised per class. */
    public Map<String, Integer> purge() {
        Instant now = clock.instant();
        Instant teams = RetentionPeriod.parse(config.team()).cutoff(now);
        Instant applications = RetentionPeriod.parse(config.application()).cutoff(now);
        Map<String, Integer> purged = new LinkedHashMap<>();
        int total = 0;
        for (int n = QuarkusTransaction.requiringNew().call(() -> teamBatch(now, teams)); n > 0;
                n = QuarkusTransaction.requiringNew().call(() -> teamBatch(now, teams))) {
            total += n;
        }
        purged.put("TEAM", total);
        total = 0;
        for (int n = QuarkusTransaction.requiringNew().call(() -> applicationBatch(now, applications)); n > 0;
                n = QuarkusTransaction.requiringNew().call(() -> applicationBatch(now, applications))) {
            total += n;
        }
        purged.put("APPLICATION", total);
        total = 0;
        for (int n = QuarkusTransaction.requiringNew().call(() -> leadUnitBatch(teams, applications)); n > 0;
                n = QuarkusTransaction.requiringNew().call(() -> leadUnitBatch(teams, applications))) {
            total += n;
        }
        purged.put("LEAD_UNIT", total);
        records.purge(RECORDS, now, config.record(), config.batch())
                .forEach((entity, n) -> purged.put("RECORD " + entity, n));
        audits.purge(now, config.audit(), config.batch()).forEach((entity, n) -> purged.put("AUDIT " + entity, n));
        return purged;
    }

    private int teamBatch(Instant now, Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select id from team where status in ('REVOKED', 'DISQUALIFIED') and status_changed_at < :cutoff
                   and personal_data_purged_at is null
                 order by status_changed_at limit :batch for update skip locked""", UUID.class)
                .setParameter("cutoff", cutoff).setParameter("batch", config.batch()).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("""
                update team set handler = case when jsonb_typeof(handler) = 'object' then handler || %s else handler end,
                       members = case when jsonb_typeof(members) = 'array' then %s else members end,
                       personal_data_purged_at = :now, version = version + 1
                 where id in (:ids)""".formatted(HANDLER, MEMBERS.formatted("members")))
                .setParameter("now", now).setParameter("ids", ids).executeUpdate();
        anonymiseApplications("team_id in (:ids)", Map.of("ids", ids, "now", now));
        for (UUID id : ids) {
            Team team = Team.findById(id);
            if (team.handler != null) {
                outbox.append(new TeamHandlerChanged(team.id, TeamService.handler(team.handler), now));
            }
        }
        return ids.size();
    }

    private int applicationBatch(Instant now, Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select id from team_application where status in ('REJECTED', 'WITHDRAWN')
                   and coalesce(decided_at, updated_at) < :cutoff and personal_data_purged_at is null
                 order by coalesce(decided_at, updated_at) limit :batch for update skip locked""", UUID.class)
                .setParameter("cutoff", cutoff).setParameter("batch", config.batch()).getResultList();
        if (!ids.isEmpty()) {
            anonymiseApplications("id in (:ids)", Map.of("ids", ids, "now", now));
        }
        return ids.size();
    }

    /**
     * A lead unit's contact person and who registered it: kept while it has a live team or an open application (a
     * draft too); then until {@code teams} after its last team ended, or, without teams, {@code applications} after
     * the decision on its last application, or, never having applied, {@code applications} after its registration.
     */
    private int leadUnitBatch(Instant teams, Instant applications) {
        return em.createNativeQuery("""
                with expired as (
                    select u.id from lead_unit u
                     where (coalesce(u.contact_name <> '%1$s', false) or u.contact_phone is not null
                            or u.contact_email is not null or coalesce(u.registered_by <> '%2$s', false))
                       and not exists (select 1 from team t where t.lead_unit_credit_code = u.credit_code
                                          and t.status in ('ACTIVE', 'SUSPENDED'))
                       and not exists (select 1 from team_application a where a.lead_unit_credit_code = u.credit_code
                                          and a.status in ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'))
                       and coalesce((select max(t.status_changed_at) < :teams from team t
                                      where t.lead_unit_credit_code = u.credit_code),
                                    (select max(coalesce(a.decided_at, a.updated_at)) < :applications
                                       from team_application a where a.lead_unit_credit_code = u.credit_code),
                                    u.registered_at < :applications)
                     order by u.registered_at limit :batch for update of u skip locked)
                update lead_unit set contact_name = case when contact_name is null then null else '%1$s' end,
                       contact_phone = null, contact_email = null,
                       registered_by = case when registered_by is null then null else '%2$s' end,
                       version = version + 1
                 where id in (select id from expired)""".formatted(Erasures.ERASED_NAME, EXPIRED))
                .setParameter("teams", teams).setParameter("applications", applications)
                .setParameter("batch", config.batch()).executeUpdate();
    }

    private void anonymiseApplications(String where, Map<String, Object> params) {
        for (String sql : List.of(
                "update team_application set content = jsonb_set(content, array['handler'], (content->'handler') || "
                        + HANDLER + ") where jsonb_typeof(content->'handler') = 'object' and " + where,
                "update team_application set content = jsonb_set(content, array['members'], "
                        + MEMBERS.formatted("content->'members'") + ") where jsonb_typeof(content->'members') = "
                        + "'array' and " + where,
                "update team_application set created_by = case when created_by is null then null else '" + EXPIRED
                        + "' end, personal_data_purged_at = :now, version = version + 1 where " + where)) {
            var query = em.createNativeQuery(sql);
            params.forEach((name, value) -> {
                if (sql.contains(":" + name)) {
                    query.setParameter(name, value);
                }
            });
            query.executeUpdate();
        }
    }
}
