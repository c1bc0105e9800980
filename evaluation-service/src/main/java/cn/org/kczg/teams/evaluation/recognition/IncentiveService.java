package cn.org.kczg.teams.evaluation.recognition;

import cn.org.kczg.teams.evaluation.assessment.Assessment;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.IncentiveView;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.MarkIncentive;
import cn.org.kczg.teams.evaluation.team.LeadUnitCopy;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Art. 19: 对工作成效突出的科技服务团牵头单位进行适当激励. A lead unit is outstanding in a year — and may be marked — when
 * that year's assessment is published (Art. 20), at least one of its teams is graded EXCELLENT (优秀), none POOR
 * (较差), and it is not under a sanction today. The mark is one per year and lead unit; unmarking keeps the row.
 */
@ApplicationScoped
@Transactional
public class IncentiveService {
    static final String AGGREGATE = "incentive";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    TransactionLocks locks;

    /** How the published assessment graded the lead unit's teams. */
    record Standing(int assessed, int excellent, int poor) {
    }

    public IncentiveView mark(Caller caller, int year, String creditCode, MarkIncentive request) {
        // two first marks of one lead unit at once would both insert: the second waits, then finds the first
        locks.lock(AGGREGATE + ":" + year + ":" + creditCode);
        Assessment assessment = Assessment.<Assessment>findByIdOptional(year)
                .filter(a -> a.status == Assessment.Status.PUBLISHED)
                .orElseThrow(() -> ProblemException.conflict("assessment-not-published",
                        Text.of("incentive.assessment-not-published", year)));
        Standing standing = standing(assessment, creditCode);
        Optional<LeadUnitCopy> unit = LeadUnitCopy.findByIdOptional(creditCode);
        if (standing.assessed() == 0 && unit.isEmpty()) {
            throw ProblemException.notFound(Text.of("incentive.lead-unit.not-found", creditCode));
        }
        if (standing.excellent() == 0 || standing.poor() > 0) {
            throw ProblemException.conflict("not-outstanding", Text.of("incentive.not-outstanding", creditCode, year,
                    standing.assessed(), standing.excellent(), standing.poor()));
        }
        if (sanctioned(creditCode)) {
            throw ProblemException.conflict("lead-unit-sanctioned", Text.of("incentive.sanctioned", creditCode));
        }
        Incentive i = find(year, creditCode, true).orElse(null);
        boolean fresh = i == null;
        if (fresh) {
            i = new Incentive();
            i.id = UUID.randomUUID();
            i.year = year;
            i.leadUnitCreditCode = creditCode;
        }
        i.leadUnitName = unit.map(u -> u.name).orElse(i.leadUnitName);
        i.kind = request.kind() == null ? Incentive.Kind.COMMENDATION : request.kind();
        i.reason = request.reason().strip();
        i.status = Incentive.Status.MARKED;
        i.excellentTeams = standing.excellent();
        i.assessedTeams = standing.assessed();
        i.markedBy = caller.subject();
        i.markedAt = clock.instant();
        i.unmarkedBy = null;
        i.unmarkedAt = null;
        i.unmarkReason = null;
        if (fresh) {
            i.persist();
        }
        audit.record(caller, "incentive.marked", AGGREGATE, year + "/" + creditCode, i.kind + ": " + i.reason);
        return IncentiveView.of(i);
    }

    /** Takes the mark back; a lead unit that is not marked for the year is a 404. */
    public Optional<IncentiveView> unmark(Caller caller, int year, String creditCode, String reason) {
        return find(year, creditCode, true).filter(i -> i.status == Incentive.Status.MARKED).map(i -> {
            i.status = Incentive.Status.UNMARKED;
            i.unmarkedBy = caller.subject();
            i.unmarkedAt = clock.instant();
            i.unmarkReason = reason.strip();
            audit.record(caller, "incentive.unmarked", AGGREGATE, year + "/" + creditCode, i.unmarkReason);
            return IncentiveView.of(i);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IncentiveView> list(Integer year, Incentive.Status status, PageRequest page) {
        Parameters params = new Parameters();
        return Page.of(Incentive.<Incentive>find(where(year, status, params), page.sort(), params), page,
                IncentiveView::of);
    }

    /** Every mark the list's filters match, for an export (in a transaction; close the stream). */
    public Stream<Incentive> all(Integer year, Incentive.Status status) {
        Parameters params = new Parameters();
        return Listing.all(Incentive.class, List.of(where(year, status, params)), params,
                Sort.by("year").descending().and("markedAt").descending().and("id"));
    }

    private static String where(Integer year, Incentive.Status status, Parameters params) {
        StringBuilder where = new StringBuilder("status = :status");
        params.and("status", status == null ? Incentive.Status.MARKED : status);
        if (year != null) {
            where.append(" and year = :year");
            params.and("year", year);
        }
        return where.toString();
    }

    private Optional<Incentive> find(int year, String creditCode, boolean forUpdate) {
        var query = Incentive.<Incentive>find("year = ?1 and leadUnitCreditCode = ?2", year, creditCode);
        if (forUpdate) {
            query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional();
    }

    private Standing standing(Assessment assessment, String creditCode) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where grade = 'EXCELLENT'), count(*) filter (where grade = 'POOR')
                from team_result where run_id = :run and lead_unit_credit_code = :unit""")
                .setParameter("run", assessment.currentRunId).setParameter("unit", creditCode).getSingleResult();
        return new Standing(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), ((Number) row[2]).intValue());
    }

    private boolean sanctioned(String creditCode) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        return ((Number) em.createNativeQuery("select count(*) from sanction where lead_unit_credit_code = :unit "
                + "and since <= :today and until >= :today").setParameter("unit", creditCode)
                .setParameter("today", today).getSingleResult()).longValue() > 0;
    }
}
