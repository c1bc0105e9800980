package cn.org.kczg.teams.evaluation.sanction;

import cn.org.kczg.teams.evaluation.sanction.SanctionDtos.SanctionView;
import cn.org.kczg.teams.evaluation.sanction.SanctionDtos.SeriousProblem;
import cn.org.kczg.teams.evaluation.team.TeamCopy;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.events.evaluation.TeamDisqualificationReversed;
import cn.org.kczg.teams.events.evaluation.TeamDisqualified;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * Art. 20: the operator records a serious problem; the lead unit may not apply for three years
 * ({@code lead-unit.banned}, enforced by review-service) and the team loses its qualification
 * ({@code team.disqualified}, carried out by registration-service).
 */
@ApplicationScoped
@Transactional
public class SanctionService {
    static final int BAN_YEARS = 3;

    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public SanctionView record(Caller caller, SeriousProblem request) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(request.teamId())
                .orElseThrow(() -> ProblemException.notFound(Text.of("team.not-found", request.teamId())));
        Instant now = clock.instant();
        Sanction s = new Sanction();
        s.id = UUID.randomUUID();
        s.teamId = team.id;
        s.leadUnitCreditCode = team.leadUnitCreditCode;
        s.reasonClass = request.reasonClass();
        s.note = request.note().strip();
        s.since = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
        s.until = s.since.plusYears(BAN_YEARS);
        s.decidedBy = caller.subject();
        s.decidedAt = now;
        s.persist();
        audit.record(caller, "sanction.recorded", "team", team.id.toString(), s.reasonClass + ": " + s.note);
        outbox.append(new LeadUnitBanned(s.id, s.leadUnitCreditCode, s.reasonClass.name(), s.since, s.until, s.note));
        outbox.append(new TeamDisqualified(team.id, s.since.getYear(), "严重" + label(s.reasonClass) + "问题：" + s.note,
                now));
        return SanctionView.of(s);
    }

    /** Issue 21: an upheld appeal gives the team back its qualification ({@code team.disqualification-reversed}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reverseDisqualification(Caller caller, Sanction s, UUID appealId, String reason) {
        if (s.disqualificationReversedAt != null) {
            throw ProblemException.conflict("already-reversed", Text.of("sanction.already-reversed", s.id,
                    s.disqualificationReversedAt));
        }
        s.disqualificationReversedAt = clock.instant();
        audit.record(caller, "sanction.disqualification-reversed", "team", s.teamId.toString(), reason);
        outbox.append(new TeamDisqualificationReversed(s.teamId, s.since.getYear(), s.id, appealId, reason,
                s.disqualificationReversedAt));
    }

    /** Issue 21: an upheld appeal lifts the sanction's ban ({@code lead-unit.ban-lifted}, review and registration follow). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void liftBan(Caller caller, Sanction s, String reason) {
        requireBanInForce(s);
        s.banLiftedAt = clock.instant();
        audit.record(caller, "sanction.ban-lifted", "lead-unit", s.leadUnitCreditCode, reason);
        outbox.append(new LeadUnitBanLifted(s.id, s.leadUnitCreditCode, reason, s.banLiftedAt));
    }

    /** 409 {@code ban-already-lifted} once the sanction's ban was lifted. */
    public static void requireBanInForce(Sanction s) {
        if (s.banLiftedAt != null) {
            throw ProblemException.conflict("ban-already-lifted", Text.of("sanction.ban-already-lifted", s.id,
                    s.banLiftedAt));
        }
    }

    /** An operator lifted the sanction's ban in review-service: the sanction says so, and no appeal of it remains. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onBanLifted(LeadUnitBanLifted event, EventEnvelope envelope) {
        Sanction.<Sanction>findByIdOptional(event.banId()).filter(s -> s.banLiftedAt == null).ifPresent(s -> {
            s.banLiftedAt = event.liftedAt();
            Caller review = new Caller(envelope.producer(), Set.of(Roles.OPERATOR), null, Set.of(), null);
            audit.record(review, "sanction.ban-lifted", "lead-unit", s.leadUnitCreditCode, event.reason());
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SanctionView> list(String leadUnit, PageRequest page) {
        return leadUnit == null || leadUnit.isBlank()
                ? Page.of(Sanction.<Sanction>findAll(page.sort()), page, SanctionView::of)
                : Page.of(Sanction.<Sanction>find("leadUnitCreditCode", page.sort(), leadUnit.strip().toUpperCase()),
                        page, SanctionView::of);
    }

    private static String label(Sanction.ReasonClass reasonClass) {
        return switch (reasonClass) {
            case SCIENTIFIC -> "科学";
            case POLITICAL -> "政治";
            case LEGAL -> "法律";
        };
    }
}
