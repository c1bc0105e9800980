package cn.org.kczg.teams.evaluation.review;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.review.ReviewDecided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneId;

/** Keeps each {@code review.decided} per lead unit and year: how a lead unit's applications fared (Art. 19). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReviewDecisions {
    @Inject
    EntityManager em;

    public void onDecided(ReviewDecided e, EventEnvelope envelope) {
        em.createNativeQuery("""
                insert into review_decision (event_id, application_id, lead_unit_credit_code, year, decision, decided_at)
                values (:event, :application, :leadUnit, :year, :decision, :at) on conflict (event_id) do nothing""")
                .setParameter("event", envelope.eventId()).setParameter("application", e.applicationId())
                .setParameter("leadUnit", e.leadUnitCreditCode())
                .setParameter("year", e.decidedAt().atZone(ZoneId.of("Asia/Shanghai")).getYear())
                .setParameter("decision", e.decision().name()).setParameter("at", e.decidedAt()).executeUpdate();
    }
}
