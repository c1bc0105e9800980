package cn.org.kczg.teams.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt = one transaction that claims the event id in {@code processed_event} and applies the
 * effect. The claim comes first: a concurrent duplicate blocks on the primary key until this commits,
 * then finds it taken and does nothing.
 */
@ApplicationScoped
public class InboxTransaction {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean applyOnce(UUID eventId, String consumer, Runnable effect) {
        int claimed = em.createNativeQuery("""
                insert into processed_event (event_id, consumer, processed_at) values (:id, :consumer, :at)
                on conflict do nothing""")
                .setParameter("id", eventId)
                .setParameter("consumer", consumer)
                .setParameter("at", Instant.now())
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        effect.run();
        return true;
    }
}
