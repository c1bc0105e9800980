package cn.org.kczg.teams.kit.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL advisory locks held until the transaction ends: they serialise work on one key (a lead unit's
 * quota, a year's assessment, a partner's ticket id) across threads and service instances, where a row to lock
 * does not exist yet.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TransactionLocks {
    @Inject
    EntityManager em;

    public void lock(String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:k, 0))").setParameter("k", key)
                .getSingleResult();
    }
}
