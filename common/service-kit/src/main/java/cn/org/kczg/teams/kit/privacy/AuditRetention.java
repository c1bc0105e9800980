package cn.org.kczg.teams.kit.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AUDIT of docs/personal-data.md ({@code kczg.retention.audit}, default five years): entries of the audit trail and
 * the access records older than the period are deleted, in batches of their own transactions. Both tables refuse
 * updates and deletes in the database; the trigger lets a delete through only for an entry older than the cut-off this
 * transaction names with {@code set local kczg.audit_purge_before} and older than 180 days by the database's clock
 * (db/service-kit/R__service_kit_audit_retention.sql).
 */
@ApplicationScoped
public class AuditRetention {
    /** The append-only tables of AUDIT, by entity. */
    static final Map<String, String> TABLES = Map.of("AuditEntry", "audit_entry",
            "PersonalDataAccess", "personal_data_access");

    private static final Instant EPOCH_OF_SQL = Instant.parse("0001-01-01T00:00:00Z");

    @Inject
    EntityManager em;

    /** Deletes what expired before {@code period} ends at {@code now}; entries deleted per entity. */
    public Map<String, Integer> purge(Instant now, String period, int batch) {
        Instant cutoff = RetentionPeriod.parse(period).cutoff(now);
        Map<String, Integer> purged = new LinkedHashMap<>();
        for (String entity : List.of("AuditEntry", "PersonalDataAccess")) {
            String table = TABLES.get(entity);
            int total = 0;
            for (int n = batch(table, cutoff, batch); n > 0; n = batch(table, cutoff, batch)) {
                total += n;
            }
            purged.put(entity, total);
        }
        return purged;
    }

    private int batch(String table, Instant cutoff, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // set_config(…, true) is set local: the cut-off ends with this transaction
            em.createNativeQuery("select set_config('kczg.audit_purge_before', :cutoff, true)")
                    .setParameter("cutoff", cutoff.isBefore(EPOCH_OF_SQL) ? "-infinity" : cutoff.toString())
                    .getSingleResult();
            return em.createNativeQuery("delete from " + table + " where id in (select id from " + table
                    + " where occurred_at < audit_purge_before() order by occurred_at limit :batch "
                    + "for update skip locked)").setParameter("batch", batch).executeUpdate();
        });
    }
}
