package cn.org.kczg.teams.activity.report;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.evaluation.AssessmentPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Learns from {@code assessment.published} (one per team, all of one year) which years' reports are final. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AssessmentYears {
    @Inject
    EntityManager em;

    public void onPublished(AssessmentPublished e, EventEnvelope envelope) {
        em.createNativeQuery("insert into assessment_year_closed (year, closed_at) values (:year, :at) "
                + "on conflict (year) do nothing").setParameter("year", e.year())
                .setParameter("at", envelope.occurredAt()).executeUpdate();
    }
}
