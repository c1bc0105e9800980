package cn.org.kczg.teams.registration.privacy;

import cn.org.kczg.teams.events.registration.Handler;
import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.privacy.Erasures;
import cn.org.kczg.teams.kit.privacy.RetentionPeriod;
import cn.org.kczg.teams.registration.team.Team;
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
                outbox.append(new TeamHandlerChanged(team.id, new Handler(team.handler.name(), team.handler.phone(),
                        team.handler.email(), team.handler.userId(), team.handler.deputies()), now));
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
