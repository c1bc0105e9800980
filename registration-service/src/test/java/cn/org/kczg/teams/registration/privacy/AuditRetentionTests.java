package cn.org.kczg.teams.registration.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.kczg.teams.testkit.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * AUDIT of docs/personal-data.md (the kit's AuditRetention and its trigger): the purge deletes entries of the audit
 * trail and the access records older than five years; the tables still refuse every update and every other delete.
 */
@QuarkusTest
class AuditRetentionTests {
    /** The database checks ages against its own clock too, so the test's now is the real one. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant FIVE_YEARS_AGO = NOW.atOffset(ZoneOffset.UTC).minusYears(5).toInstant();

    @Inject
    RetentionPurge purge;
    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void thePurgeDeletesEntriesOlderThanFiveYearsAndKeepsTheYoungerOnes() {
        long oldEntry = auditEntry(FIVE_YEARS_AGO.minus(Duration.ofDays(1)));
        long youngEntry = auditEntry(FIVE_YEARS_AGO.plus(Duration.ofDays(1)));
        long oldAccess = access(FIVE_YEARS_AGO.minus(Duration.ofDays(1)));
        long youngAccess = access(FIVE_YEARS_AGO.plus(Duration.ofDays(1)));
        TestClock.set(NOW);

        var purged = purge.purge();

        assertEquals(List.of(false, true), List.of(exists("audit_entry", oldEntry), exists("audit_entry", youngEntry)));
        assertEquals(List.of(false, true),
                List.of(exists("personal_data_access", oldAccess), exists("personal_data_access", youngAccess)));
        assertEquals(true, purged.get("AUDIT AuditEntry") >= 1);
    }

    @Test
    void aPlainDeleteOfAYoungEntryIsStillRefusedAndSoIsEveryUpdate() {
        long young = auditEntry(FIVE_YEARS_AGO.plus(Duration.ofDays(1)));
        long youngAccess = access(FIVE_YEARS_AGO.plus(Duration.ofDays(1)));

        assertRefused("delete from audit_entry where id = " + young);
        assertRefused("delete from personal_data_access where id = " + youngAccess);
        assertRefused("update audit_entry set actor = 'someone-else' where id = " + young);
        assertRefused("update personal_data_access set actor = 'someone-else' where id = " + youngAccess);
        assertEquals(List.of(true, true),
                List.of(exists("audit_entry", young), exists("personal_data_access", youngAccess)));
    }

    @Test
    void anExpiredEntryGoesOnlyThroughThePurgesCutOffAndNoCutOffReachesTheLastHalfYear() {
        long old = auditEntry(FIVE_YEARS_AGO.minus(Duration.ofDays(1)));
        long recent = auditEntry(NOW.minus(Duration.ofDays(10)));

        // without the cut-off the purge names for its transaction, an old entry is as protected as a new one
        assertRefused("delete from audit_entry where id = " + old);
        assertRefused("update audit_entry set actor = null where id = " + old);
        // a cut-off in the future does not open the last 180 days
        assertRefused("select set_config('kczg.audit_purge_before', '2999-01-01T00:00:00Z', true); "
                + "delete from audit_entry where id = " + recent);
        assertEquals(List.of(true, true), List.of(exists("audit_entry", old), exists("audit_entry", recent)));
    }

    private void assertRefused(String sql) {
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            for (String statement : sql.split("; ")) {
                var query = em.createNativeQuery(statement);
                if (statement.startsWith("select")) {
                    query.getSingleResult();
                } else {
                    query.executeUpdate();
                }
            }
        }));
    }

    private long auditEntry(Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into audit_entry (occurred_at, actor, actor_role, action, aggregate_type, aggregate_id)
                values (:at, 'operator-retention', 'operator', 'team.revoked', 'team', 'retention') returning id""")
                .setParameter("at", at.atOffset(ZoneOffset.UTC)).getSingleResult()).longValue());
    }

    private long access(Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into personal_data_access (occurred_at, actor, actor_roles, object_type, object_id, fields,
                                                  kinds, method)
                values (:at, 'auditor-retention', 'auditor', 'LeadUnit', 'retention', 'contact.name', ',NAME,', 'GET')
                returning id""").setParameter("at", at.atOffset(ZoneOffset.UTC)).getSingleResult()).longValue());
    }

    private boolean exists(String table, long id) {
        return ((Number) em.createNativeQuery("select count(*) from " + table + " where id = :id")
                .setParameter("id", id).getSingleResult()).longValue() == 1;
    }
}
