package cn.org.kczg.teams.review.eligibility;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.LeadUnitUpdated;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.review.ban.Ban;
import cn.org.kczg.teams.review.ban.BanService;
import cn.org.kczg.teams.review.quota.AnnualQuota;
import cn.org.kczg.teams.review.review.CheckName;
import cn.org.kczg.teams.review.review.CheckResult;
import cn.org.kczg.teams.review.review.ReviewCase;
import cn.org.kczg.teams.review.review.ReviewCaseService;
import cn.org.kczg.teams.review.review.ReviewChecks;
import cn.org.kczg.teams.review.review.ReviewStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Art. 5, 8 and 20 for one lead unit, from the projections of registration's events. */
@ApplicationScoped
@Transactional
public class EligibilityService {
    @Inject
    QuotaUsage quotas;
    @Inject
    Clock clock;
    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadUnitRegistered(LeadUnitRegistered event, EventEnvelope envelope) {
        remember(event.creditCode(), event.name(), event.category(), envelope.occurredAt());
    }

    /**
     * A corrected profile: the projection follows, and a new category goes back through Art. 5 — the eligibility check
     * of every undecided case of the unit is made again on it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadUnitUpdated(LeadUnitUpdated event, EventEnvelope envelope) {
        remember(event.creditCode(), event.name(), event.category(), envelope.occurredAt());
        if (event.category().equals(event.previousCategory())) {
            return;
        }
        LeadUnitCategory category = LeadUnitCategory.valueOf(event.category());
        Caller system = new Caller("review-service", Set.of(Roles.REVIEWER), null, Set.of(), null);
        ReviewCase.<ReviewCase>list("leadUnitCreditCode = ?1 and status in ?2", event.creditCode(),
                List.of(ReviewStatus.PENDING, ReviewStatus.CHANGES_REQUESTED)).forEach(c -> {
                    c.leadUnitCategory = category;
                    CheckResult again = ReviewChecks.eligibility(category);
                    c.checks = c.checks.stream().map(check -> check.name() == CheckName.ELIGIBILITY ? again : check)
                            .toList();
                    audit.record(system, "review.eligibility-rechecked", ReviewCaseService.AGGREGATE, c.id.toString(),
                            event.previousCategory() + " → " + event.category() + ": " + again.detail());
                });
    }

    /** Creates or refreshes the lead unit's projection (events of one unit may arrive on several partitions). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String creditCode, String name, String category, Instant at) {
        LeadUnitCopy unit = LeadUnitCopy.<LeadUnitCopy>findByIdOptional(creditCode)
                .orElseGet(LeadUnitCopy::new);
        if (unit.updatedAt != null && unit.updatedAt.isAfter(at)) {
            return;
        }
        unit.creditCode = creditCode;
        unit.name = name;
        unit.category = LeadUnitCategory.valueOf(category);
        unit.updatedAt = at;
        unit.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onTeamActivated(TeamActivated event, EventEnvelope envelope) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(event.teamId())
                .orElseGet(TeamCopy::new);
        team.teamId = event.teamId();
        team.applicationId = event.applicationId();
        team.leadUnitCreditCode = event.leadUnitCreditCode();
        if (team.status == null) {
            team.status = "ACTIVE";
        }
        team.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onTeamStatusChanged(TeamStatusChanged event, EventEnvelope envelope) {
        TeamCopy.<TeamCopy>findByIdOptional(event.teamId()).ifPresent(team -> team.status = event.to());
    }

    /** Empty when unknown or when a lead unit asks about another organisation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EligibilityView> find(Caller caller, String creditCode) {
        String code = creditCode.trim().toUpperCase();
        if (!caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR) && !caller.actsFor(code)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(BanService.BEIJING));
        return LeadUnitCopy.<LeadUnitCopy>findByIdOptional(code).map(unit -> new EligibilityView(
                unit.creditCode, unit.name, unit.category,
                EligibilityPolicy.eligible(unit.category), EligibilityPolicy.reasons(unit.category),
                new EligibilityView.Quota(QuotaPolicy.limit(unit.category,
                        AnnualQuota.of(today.getYear(), unit.category)), quotas.used(code)),
                Ban.inForce(code, today).map(b -> new EligibilityView.BanInForce(b.reasonClass, b.since,
                        b.until)).orElse(null)));
    }
}
