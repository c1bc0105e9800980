package cn.org.kczg.teams.review.ban;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.review.ban.BanDtos.BanView;
import cn.org.kczg.teams.review.ban.BanDtos.RecordBan;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Art. 20: the registry of lead units that may not apply for three years. */
@ApplicationScoped
@Transactional
public class BanService {
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Inject
    AuditTrail audit;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** An operator's ban is announced, so registration refuses the unit's submissions at once. */
    public BanView record(Caller caller, RecordBan request) {
        Ban ban = create(UUID.randomUUID(), request.creditCode().trim().toUpperCase(), request.reasonClass(),
                request.since(), request.note(), "operator", caller.subject());
        audit.record(caller, "ban.recorded", "lead-unit", ban.creditCode, request.note());
        outbox.append(new LeadUnitBanned(ban.id, ban.creditCode, ban.reasonClass.name(), ban.since, ban.until,
                ban.note));
        return BanView.of(ban, today());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onLeadUnitBanned(LeadUnitBanned event, EventEnvelope envelope) {
        if (Ban.findById(event.banId()) != null) {
            return;
        }
        Ban ban = create(event.banId(), event.creditCode(), Ban.ReasonClass.valueOf(event.reasonClass()),
                event.since(), event.note(), envelope.producer(), envelope.producer());
        Caller evaluation = new Caller(envelope.producer(), Set.of(Roles.OPERATOR), null, Set.of(), null);
        audit.record(evaluation, "ban.recorded", "lead-unit", ban.creditCode, event.note());
    }

    /**
     * Issue 21: an operator lifts a ban (its own or one following evaluation-service's sanction), announced as
     * {@code lead-unit.ban-lifted} so registration accepts the unit's submissions and evaluation marks its sanction.
     */
    public Optional<BanView> lift(Caller caller, UUID id, String reason) {
        return Ban.<Ban>findByIdOptional(id).map(ban -> {
            if (ban.liftedAt != null) {
                throw ProblemException.conflict("ban-lifted", Text.of("ban.lifted", ban.id, ban.liftedAt));
            }
            lift(ban, caller.subject(), reason.strip());
            audit.record(caller, "ban.lifted", "lead-unit", ban.creditCode, ban.liftReason);
            outbox.append(new LeadUnitBanLifted(ban.id, ban.creditCode, ban.liftReason, ban.liftedAt));
            return BanView.of(ban, today());
        });
    }

    /** evaluation-service lifted a sanction's ban after an upheld appeal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onBanLifted(LeadUnitBanLifted event, EventEnvelope envelope) {
        Ban.<Ban>findByIdOptional(event.banId()).filter(b -> b.liftedAt == null).ifPresent(ban -> {
            lift(ban, envelope.producer(), event.reason());
            ban.liftedAt = event.liftedAt();
            Caller evaluation = new Caller(envelope.producer(), Set.of(Roles.OPERATOR), null, Set.of(), null);
            audit.record(evaluation, "ban.lifted", "lead-unit", ban.creditCode, event.reason());
        });
    }

    private void lift(Ban ban, String by, String reason) {
        ban.liftedAt = Instant.now(clock);
        ban.liftedBy = by;
        ban.liftReason = reason;
    }

    private Ban create(UUID id, String creditCode, Ban.ReasonClass reasonClass, LocalDate since, String note,
            String source, String by) {
        Ban ban = new Ban();
        ban.id = id;
        ban.creditCode = creditCode;
        ban.reasonClass = reasonClass;
        ban.since = since;
        ban.until = Ban.until(since);
        ban.note = note;
        ban.source = source;
        ban.createdBy = by;
        ban.createdAt = Instant.now(clock);
        ban.persist();
        return ban;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BanView> get(UUID id) {
        return Ban.<Ban>findByIdOptional(id).map(b -> BanView.of(b, today()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BanView> list(String creditCode, Boolean inForce, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        LocalDate today = today();
        if (creditCode != null && !creditCode.isBlank()) {
            where.add("creditCode = :code");
            params.and("code", creditCode.trim().toUpperCase());
        }
        if (inForce != null) {
            where.add(inForce ? "(since <= :today and until > :today and liftedAt is null)"
                    : "(since > :today or until <= :today or liftedAt is not null)");
            params.and("today", today);
        }
        return Page.of(Ban.<Ban>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), page.sort(), params), page,
                b -> BanView.of(b, today));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }
}
