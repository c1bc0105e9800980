package cn.org.kczg.teams.review.eligibility;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Art. 5 and 8 for one lead unit, from the projection of registration's events. */
@ApplicationScoped
@Transactional
public class EligibilityService {

    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadUnitRegistered(LeadUnitRegistered event, EventEnvelope envelope) {
        LeadUnitProjection unit = LeadUnitProjection.<LeadUnitProjection>findByIdOptional(event.creditCode())
                .orElseGet(LeadUnitProjection::new);
        unit.creditCode = event.creditCode();
        unit.name = event.name();
        unit.category = LeadUnitCategory.valueOf(event.category());
        unit.updatedAt = envelope.occurredAt();
        unit.persist();
    }

    /** Empty when unknown or when a lead unit asks about another organisation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EligibilityView> find(Caller caller, String creditCode) {
        String code = creditCode.trim().toUpperCase();
        if (!caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR) && !caller.actsFor(code)) {
            return Optional.empty();
        }
        return LeadUnitProjection.<LeadUnitProjection>findByIdOptional(code).map(unit -> new EligibilityView(
                unit.creditCode, unit.name, unit.category,
                EligibilityPolicy.eligible(unit.category), EligibilityPolicy.reasons(unit.category),
                new EligibilityView.Quota(QuotaPolicy.limit(unit.category, Optional.empty()), 0)));
    }
}
