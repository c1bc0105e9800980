package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.evaluation.indicator.Dimension;
import cn.org.kczg.teams.evaluation.indicator.Indicator;
import cn.org.kczg.teams.evaluation.indicator.IndicatorSystem;
import cn.org.kczg.teams.events.evaluation.AssessmentPublished;
import cn.org.kczg.teams.events.evaluation.TeamDisqualified;
import cn.org.kczg.teams.events.evaluation.TeamStableSupport;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.OwnObjects;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Art. 20: starting runs, adjusting grades, publishing, and reading the results. */
@ApplicationScoped
@Transactional
public class AssessmentService {
    static final String AGGREGATE = "assessment";

    @Inject
    AssessmentScoring scoring;
    @Inject
    Outbox outbox;
    @Inject
    TransactionLocks locks;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AssessmentConfig config;

    public record RunView(UUID id, int year, UUID systemId, AssessmentRun.State state, int processed, int total,
            String startedBy, Instant startedAt, Instant finishedAt, String failure) {
        static RunView of(AssessmentRun r) {
            return new RunView(r.id, r.year, r.systemId, r.state, r.processed, r.total, r.startedBy, r.startedAt,
                    r.finishedAt, r.failure);
        }
    }

    public record AssessmentView(int year, Assessment.Status status, RunView currentRun, Map<Grade, Long> grades,
            String publishedBy, Instant publishedAt) {
    }

    /** The operator's change of a grade before publishing; the reason is shown to auditors. */
    public record GradeChange(@NotNull Grade grade, @NotBlank @Size(min = 10, max = 2000) String reason) {
    }

    public record Adjustment(Grade from, Grade to, String reason, String by, Instant at) {
    }

    public record ResultView(UUID teamId, String teamName, String leadUnitCreditCode, String leadUnitName,
            BigDecimal organisation, BigDecimal content, BigDecimal effect, BigDecimal baseScore, BigDecimal penalty,
            BigDecimal total, int feeViolations, boolean vetoed, Grade computedGrade, Grade grade, String gradeLabel,
            Adjustment adjustment) {
        static ResultView of(TeamResult r) {
            return new ResultView(r.teamId, r.teamName, r.leadUnitCreditCode, r.leadUnitName, r.organisation,
                    r.content, r.effect, r.baseScore, r.penalty, r.total, r.feeViolations, r.vetoed, r.computedGrade,
                    r.grade, r.grade.label, r.adjustedAt == null ? null
                            : new Adjustment(r.computedGrade, r.grade, r.adjustmentReason, r.adjustedBy, r.adjustedAt));
        }
    }

    public record IndicatorScore(String code, String name, Dimension dimension, String metric, BigDecimal weight,
            BigDecimal value, BigDecimal score, boolean applicable) {
    }

    public record ResultDetail(int year, UUID runId, UUID systemId, ResultView result, List<IndicatorScore> indicators) {
    }

    /** Starts scoring the year; {@link AssessmentRunner#launch} does the work once this has committed. */
    public RunView start(Caller caller, int year) {
        locks.lock(yearLock(year));
        Assessment assessment = Assessment.<Assessment>findByIdOptional(year).orElseGet(() -> {
            Assessment a = new Assessment();
            a.year = year;
            a.status = Assessment.Status.DRAFT;
            a.persist();
            return a;
        });
        requireDraft(assessment);
        Instant now = clock.instant();
        requireNoLiveRun(year, now);
        IndicatorSystem system = IndicatorSystem.effective(year).orElseThrow(() -> ProblemException.conflict(
                "no-indicator-system", "No published indicator system for " + year + "; publish one first."));
        AssessmentRun run = new AssessmentRun();
        run.id = UUID.randomUUID();
        run.year = year;
        run.systemId = system.id;
        run.state = AssessmentRun.State.RUNNING;
        run.total = scoring.countTeamsOf(year);
        run.startedBy = caller.subject();
        run.startedAt = now;
        run.heartbeatAt = now;
        run.persist();
        em.flush();
        scoring.snapshot(run.id, system);
        audit.record(caller, "assessment.run-started", AGGREGATE, String.valueOf(year), null);
        return RunView.of(run);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RunView> run(int year, UUID id) {
        return AssessmentRun.<AssessmentRun>findByIdOptional(id).filter(r -> r.year == year).map(RunView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RunView> runs(int year, PageRequest page) {
        return Page.of(AssessmentRun.<AssessmentRun>find("year", page.sort(), year), page, RunView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AssessmentView> assessment(int year) {
        return Assessment.<Assessment>findByIdOptional(year).map(a -> {
            Map<Grade, Long> grades = new EnumMap<>(Grade.class);
            for (Grade g : Grade.values()) {
                grades.put(g, a.currentRunId == null ? 0L : TeamResult.count("runId = ?1 and grade = ?2", a.currentRunId, g));
            }
            RunView current = a.currentRunId == null ? null
                    : RunView.of(AssessmentRun.findById(a.currentRunId));
            return new AssessmentView(a.year, a.status, current, grades, a.publishedBy, a.publishedAt);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ResultView> results(Caller caller, int year, Grade grade, String leadUnit, PageRequest page) {
        Assessment a = visibleResults(caller, year);
        List<String> where = new ArrayList<>(List.of("runId = :run"));
        Parameters params = Parameters.with("run", a.currentRunId);
        if (!staff(caller)) {
            where.add(OwnObjects.ofTeams(caller, params, "teamId", "leadUnitCreditCode"));
        }
        if (grade != null) {
            where.add("grade = :grade");
            params.and("grade", grade);
        }
        if (leadUnit != null && !leadUnit.isBlank()) {
            where.add("leadUnitCreditCode = :leadUnit");
            params.and("leadUnit", leadUnit.strip().toUpperCase());
        }
        return Page.of(TeamResult.<TeamResult>find(String.join(" and ", where), page.sort(), params), page,
                ResultView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ResultDetail> result(Caller caller, int year, UUID teamId) {
        Assessment a = visibleResults(caller, year);
        return currentResult(a, teamId)
                .filter(r -> staff(caller) || caller.teams().contains(teamId.toString())
                        || caller.actsFor(r.leadUnitCreditCode))
                .map(r -> {
                    AssessmentRun run = AssessmentRun.findById(a.currentRunId);
                    IndicatorSystem system = IndicatorSystem.findById(run.systemId);
                    Map<String, Indicator> byCode = system.indicators.stream()
                            .collect(Collectors.toMap(Indicator::code, Function.identity()));
                    List<IndicatorScore> scores = new ArrayList<>();
                    for (Object row : em.createNativeQuery("select code, value, score, applicable from indicator_score"
                            + " where run_id = :run and team_id = :team").setParameter("run", run.id)
                            .setParameter("team", teamId).getResultList()) {
                        Object[] c = (Object[]) row;
                        Indicator i = byCode.get((String) c[0]);
                        scores.add(new IndicatorScore(i.code(), i.name(), i.dimension(), i.metric(), i.weight(),
                                (BigDecimal) c[1], (BigDecimal) c[2], (Boolean) c[3]));
                    }
                    scores.sort((x, y) -> Integer.compare(system.indicators.indexOf(byCode.get(x.code())),
                            system.indicators.indexOf(byCode.get(y.code()))));
                    return new ResultDetail(year, run.id, system.id, ResultView.of(r), scores);
                });
    }

    /** Who started runs, adjusted grades (with their reasons) and published the year. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(int year) {
        return Assessment.<Assessment>findByIdOptional(year).map(a -> audit.history(AGGREGATE, String.valueOf(year)));
    }

    public Optional<ResultView> adjust(Caller caller, int year, UUID teamId, GradeChange change) {
        Assessment a = Assessment.<Assessment>findByIdOptional(year)
                .orElseThrow(() -> ProblemException.notFound("No assessment for " + year + "."));
        requireDraft(a);
        return currentResult(a, teamId).map(r -> {
            r.grade = change.grade();
            r.adjustmentReason = change.reason().strip();
            r.adjustedBy = caller.subject();
            r.adjustedAt = clock.instant();
            audit.record(caller, "assessment.grade-adjusted", AGGREGATE, String.valueOf(year),
                    r.teamName + " (" + teamId + "): " + r.computedGrade + " → " + r.grade + "; " + r.adjustmentReason);
            return ResultView.of(r);
        });
    }

    /**
     * Makes the draft final: {@code assessment.published} per team, {@code team.disqualified} for POOR (Art. 20:
     * registration ends the team), {@code team.stable-support} for EXCELLENT.
     */
    public AssessmentView publish(Caller caller, int year) {
        locks.lock(yearLock(year));
        Assessment a = Assessment.<Assessment>findByIdOptional(year)
                .orElseThrow(() -> ProblemException.notFound("No assessment for " + year + "."));
        requireDraft(a);
        requireNoLiveRun(year, clock.instant());
        if (a.currentRunId == null) {
            throw ProblemException.conflict("no-results", "No finished run for " + year + " to publish.");
        }
        Instant now = clock.instant();
        a.status = Assessment.Status.PUBLISHED;
        a.publishedBy = caller.subject();
        a.publishedAt = now;
        for (TeamResult r : TeamResult.<TeamResult>list("runId", a.currentRunId)) {
            outbox.append(new AssessmentPublished(r.teamId, r.leadUnitCreditCode, year, r.runId, r.total,
                    r.grade.name(), r.computedGrade.name()));
            if (r.grade == Grade.POOR) {
                outbox.append(new TeamDisqualified(r.teamId, year, year + "年度考核评为较差（总分 "
                        + r.total.toPlainString() + (r.vetoed ? "，违规收费一票否决" : "") + "）", now));
            } else if (r.grade == Grade.EXCELLENT) {
                outbox.append(new TeamStableSupport(r.teamId, r.leadUnitCreditCode, year));
            }
        }
        audit.record(caller, "assessment.published", AGGREGATE, String.valueOf(year), null);
        return assessment(year).orElseThrow();
    }

    /** The advisory lock that serialises starting, finishing and publishing a year's runs. */
    static String yearLock(int year) {
        return "assessment:" + year;
    }

    /** 409 while a run of the year makes progress; a run whose instance stopped mid-way is marked FAILED. */
    private void requireNoLiveRun(int year, Instant now) {
        // the run rows' locks wait for a slice in progress, and fence the run once it is marked FAILED
        for (AssessmentRun running : AssessmentRun.<AssessmentRun>find("year = ?1 and state = ?2", year,
                AssessmentRun.State.RUNNING).withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
            if (running.heartbeatAt != null && running.heartbeatAt.isAfter(now.minus(config.staleAfter()))) {
                throw ProblemException.conflict("run-in-progress", "A run for " + year + " is still in progress.");
            }
            scoring.discardResults(running.id);
            running.state = AssessmentRun.State.FAILED;
            running.failure = "interrupted: no progress since " + running.heartbeatAt;
            running.finishedAt = now;
        }
    }

    private static Optional<TeamResult> currentResult(Assessment a, UUID teamId) {
        return a.currentRunId == null ? Optional.empty()
                : TeamResult.find("runId = ?1 and teamId = ?2", a.currentRunId, teamId).firstResultOptional();
    }

    /** Staff see drafts; lead units and handlers see their own teams' results once published. */
    private static Assessment visibleResults(Caller caller, int year) {
        return Assessment.<Assessment>findByIdOptional(year)
                .filter(a -> a.currentRunId != null && (staff(caller) || a.status == Assessment.Status.PUBLISHED))
                .orElseThrow(() -> ProblemException.notFound("No " + (staff(caller) ? "" : "published ")
                        + "assessment results for " + year + "."));
    }

    static boolean staff(Caller caller) {
        return caller.isAny(Roles.OPERATOR, Roles.AUDITOR);
    }

    private static void requireDraft(Assessment a) {
        if (a.status == Assessment.Status.PUBLISHED) {
            throw ProblemException.conflict("already-published", "The " + a.year + " assessment was published on "
                    + a.publishedAt + " and cannot change.");
        }
    }
}
