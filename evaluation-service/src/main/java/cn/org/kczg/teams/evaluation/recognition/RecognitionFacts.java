package cn.org.kczg.teams.evaluation.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What the operator records here counts in the metrics like the other services' events: a {@code metric_fact} per
 * record, in the record's transaction. The fact's event id is the record's own id (no event travels for it); a
 * revocation adds the opposite amount, so the drill-down shows both.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class RecognitionFacts {
    @Inject
    EntityManager em;

    void add(UUID recordId, String type, UUID teamId, int year, String metric, String subject, BigDecimal amount,
            Instant at) {
        em.createNativeQuery("""
                insert into metric_fact (event_id, event_type, team_id, year, metric, subject, amount, occurred_at)
                values (:event, :type, :team, :year, :metric, :subject, :amount, :at)
                on conflict (team_id, year, metric, subject) do nothing""")
                .setParameter("event", recordId).setParameter("type", type).setParameter("team", teamId)
                .setParameter("year", year).setParameter("metric", metric).setParameter("subject", subject)
                .setParameter("amount", amount).setParameter("at", at).executeUpdate();
    }
}
