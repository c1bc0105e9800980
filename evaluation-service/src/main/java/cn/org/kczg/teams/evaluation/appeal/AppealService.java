package cn.org.kczg.teams.evaluation.appeal;

import cn.org.kczg.teams.evaluation.appeal.AppealDtos.AppealView;
import cn.org.kczg.teams.evaluation.appeal.AppealDtos.Decision;
import cn.org.kczg.teams.evaluation.appeal.AppealDtos.FileAppeal;
import cn.org.kczg.teams.evaluation.appeal.AppealDtos.Outcome;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService.PublishedResult;
import cn.org.kczg.teams.evaluation.sanction.Sanction;
import cn.org.kczg.teams.evaluation.sanction.SanctionService;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Issue 21: appeals of a published grade, a sanction's disqualification or its ban, filed within
 * {@code kczg.appeals.window} of the decision, one open appeal per subject; the operator's decision, when upheld,
 * reverses the effect through the events of {@link AssessmentService#correct} and {@link SanctionService}.
 */
@ApplicationScoped
@Transactional
public class AppealService {
    static final String AGGREGATE = "appeal";
    private static final String NOBODY = "-";

    @Inject
    AssessmentService assessments;
    @Inject
    SanctionService sanctions;
    @Inject
    AuditTrail audit;
    @Inject
    TransactionLocks locks;
    @Inject
    Clock clock;
    @Inject
    AppealConfig config;

    /** What an appeal is about, and when the decision appealed was made. */
    private record Target(String key, UUID teamId, String leadUnit, int year, UUID sanctionId, Instant decidedAt) {
    }

    public AppealView file(Caller caller, FileAppeal request) {
        Target target = switch (request.subject()) {
            case GRADE -> grade(caller, request);
            case DISQUALIFICATION, BAN -> sanction(caller, request);
        };
        locks.lock(AGGREGATE + ":" + request.subject() + ":" + target.key());
        Instant now = clock.instant();
        AppealWindow window = new AppealWindow(config.window());
        if (!window.isOpen(target.decidedAt(), now)) {
            throw ProblemException.conflict("appeal-window-closed", Text.of("appeal.window-closed",
                    window.closesAt(target.decidedAt())));
        }
        Appeal.<Appeal>find("subject = ?1 and subjectKey = ?2 and status = ?3", request.subject(), target.key(),
                Appeal.Status.OPEN).firstResultOptional().ifPresent(open -> {
                    throw ProblemException.conflict("appeal-open", Text.of("appeal.open", open.id));
                });
        Appeal a = new Appeal();
        a.id = UUID.randomUUID();
        a.subject = request.subject();
        a.subjectKey = target.key();
        a.teamId = target.teamId();
        a.leadUnitCreditCode = target.leadUnit();
        a.year = target.year();
        a.sanctionId = target.sanctionId();
        a.reason = request.reason().strip();
        a.evidence = request.evidence() == null || request.evidence().isBlank() ? null : request.evidence().strip();
        a.status = Appeal.Status.OPEN;
        a.filedBy = caller.subject();
        a.filedAt = now;
        a.persist();
        audit.record(caller, "appeal.filed", AGGREGATE, a.id.toString(), a.subject + ": " + a.reason);
        return AppealView.of(a);
    }

    /** A published grade of a team the caller may appeal for; 404 for another unit's, as for none. */
    private Target grade(Caller caller, FileAppeal request) {
        require("teamId", request.teamId());
        require("year", request.year());
        notFor("sanctionId", request.sanctionId());
        PublishedResult result = assessments.published(request.year(), request.teamId())
                .filter(r -> mayAppealFor(caller, r.leadUnitCreditCode()))
                .orElseThrow(() -> ProblemException.notFound(Text.of("appeal.grade.not-found", request.year(),
                        request.teamId())));
        return new Target(request.teamId() + "/" + request.year(), request.teamId(), result.leadUnitCreditCode(),
                request.year(), null, result.publishedAt());
    }

    private Target sanction(Caller caller, FileAppeal request) {
        require("sanctionId", request.sanctionId());
        notFor("teamId", request.teamId());
        notFor("year", request.year());
        Sanction s = Sanction.<Sanction>findByIdOptional(request.sanctionId())
                .filter(x -> mayAppealFor(caller, x.leadUnitCreditCode))
                .orElseThrow(() -> ProblemException.notFound(Text.of("sanction.not-found", request.sanctionId())));
        if (request.subject() == Appeal.Subject.BAN) {
            SanctionService.requireBanInForce(s);
        } else if (s.disqualificationReversedAt != null) {
            throw ProblemException.conflict("already-reversed", Text.of("sanction.already-reversed", s.id,
                    s.disqualificationReversedAt));
        }
        return new Target(s.id.toString(), s.teamId, s.leadUnitCreditCode, s.since.getYear(), s.id, s.decidedAt);
    }

    private static boolean mayAppealFor(Caller caller, String leadUnit) {
        return caller.is(Roles.OPERATOR) || caller.actsFor(leadUnit);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw ProblemException.invalid(field, Text.of("appeal.field-required"));
        }
    }

    private static void notFor(String field, Object value) {
        if (value != null) {
            throw ProblemException.invalid(field, Text.of("appeal.field-not-applicable"));
        }
    }

    public Optional<AppealView> decide(Caller caller, UUID id, Decision decision) {
        Optional<Appeal> found = Appeal.<Appeal>findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Appeal a = found.get();
        boolean correctsGrade = a.subject == Appeal.Subject.GRADE && decision.outcome() == Outcome.UPHELD;
        if (correctsGrade && decision.newGrade() == null) {
            throw ProblemException.invalid("newGrade", Text.of("appeal.new-grade-needed"));
        }
        if (!correctsGrade && decision.newGrade() != null) {
            throw ProblemException.invalid("newGrade", Text.of("appeal.new-grade-not-applicable"));
        }
        if (a.status != Appeal.Status.OPEN) {
            throw ProblemException.conflict("appeal-decided", Text.of("appeal.decided", a.id, a.decidedAt));
        }
        String reason = decision.reason().strip();
        if (decision.outcome() == Outcome.UPHELD) {
            switch (a.subject) {
                case GRADE -> {
                    PublishedResult now = assessments.published(a.year, a.teamId).orElseThrow(() ->
                            ProblemException.notFound(Text.of("appeal.grade.not-found", a.year, a.teamId)));
                    if (now.grade() == decision.newGrade()) {
                        throw ProblemException.invalid("newGrade", Text.of("appeal.new-grade-same", now.grade()));
                    }
                    a.gradeBefore = assessments.correct(caller, a.year, a.teamId, decision.newGrade(), a.id,
                            "申诉改判：" + reason);
                    a.newGrade = decision.newGrade();
                }
                case DISQUALIFICATION -> sanctions.reverseDisqualification(caller, sanction(a), a.id, reason);
                case BAN -> sanctions.liftBan(caller, sanction(a), reason);
            }
        } else if (a.subject == Appeal.Subject.GRADE) {
            a.gradeBefore = assessments.published(a.year, a.teamId).map(PublishedResult::grade).orElse(null);
        }
        a.status = decision.outcome() == Outcome.UPHELD ? Appeal.Status.UPHELD : Appeal.Status.DISMISSED;
        a.decisionReason = reason;
        a.decidedBy = caller.subject();
        a.decidedAt = clock.instant();
        audit.record(caller, "appeal." + a.status.name().toLowerCase(), AGGREGATE, a.id.toString(), reason);
        return Optional.of(AppealView.of(a));
    }

    private static Sanction sanction(Appeal a) {
        return Sanction.<Sanction>findByIdOptional(a.sanctionId).orElseThrow();
    }

    /** Staff see every appeal; a lead unit its own (another unit's is not found). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppealView> find(Caller caller, UUID id) {
        return Appeal.<Appeal>findByIdOptional(id).filter(a -> staff(caller) || caller.actsFor(a.leadUnitCreditCode))
                .map(AppealView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AppealView> list(Caller caller, Appeal.Status status, Appeal.Subject subject, Integer year,
            PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = where(caller, status, subject, year, params);
        return Page.of(Appeal.<Appeal>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), page.sort(),
                params), page, AppealView::of);
    }

    /** The same appeals as {@link #list}, every one, latest first, for an export (in a transaction; close it). */
    public Stream<Appeal> all(Caller caller, Appeal.Status status, Appeal.Subject subject, Integer year) {
        Parameters params = new Parameters();
        return Listing.all(Appeal.class, where(caller, status, subject, year, params), params,
                Sort.by("filedAt").descending().and("id"));
    }

    private static List<String> where(Caller caller, Appeal.Status status, Appeal.Subject subject, Integer year,
            Parameters params) {
        List<String> where = new ArrayList<>();
        if (!staff(caller)) {
            where.add("leadUnitCreditCode = :ownOrg");
            params.and("ownOrg", caller.org() == null ? NOBODY : caller.org().toUpperCase());
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (subject != null) {
            where.add("subject = :subject");
            params.and("subject", subject);
        }
        if (year != null) {
            where.add("year = :year");
            params.and("year", year);
        }
        return where;
    }

    private static boolean staff(Caller caller) {
        return caller.isAny(Roles.OPERATOR, Roles.AUDITOR);
    }
}
