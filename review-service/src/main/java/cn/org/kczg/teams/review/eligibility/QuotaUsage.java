package cn.org.kczg.teams.review.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Art. 8: what counts against a lead unit's quota — its live teams and its applications under review
 * that hold a slot (pending, or approved while their team is still on its way).
 */
@ApplicationScoped
public class QuotaUsage {
    private static final String USED = """
            select (select count(*) from team t where t.lead_unit_credit_code = :code
                      and t.status in ('ACTIVE', 'SUSPENDED'))
                 + (select count(*) from review_case c where c.lead_unit_credit_code = :code and c.holds_slot
                      and c.id <> :exclude
                      and (c.status in ('PENDING', 'CHANGES_REQUESTED')
                           or (c.status = 'APPROVED'
                               and not exists (select 1 from team t where t.application_id = c.application_id))))""";

    @Inject
    EntityManager em;
    @Inject
    TransactionLocks locks;

    public int used(String creditCode) {
        return used(creditCode, new UUID(0, 0));
    }

    /** Used slots apart from the case being checked. */
    public int used(String creditCode, UUID excludingCase) {
        return ((Number) em.createNativeQuery(USED).setParameter("code", creditCode)
                .setParameter("exclude", excludingCase).getSingleResult()).intValue();
    }

    /**
     * Serialises the quota checks of one lead unit: two applications racing for its last slot are checked
     * one after the other, and the second sees the first's slot.
     */
    public void lock(String creditCode) {
        locks.lock("quota:" + creditCode);
    }
}
