package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.evaluation.indicator.Dimension;
import cn.org.kczg.teams.evaluation.indicator.Indicator;
import cn.org.kczg.teams.evaluation.indicator.IndicatorSystem;
import cn.org.kczg.teams.events.evaluation.AssessmentPublished;
import cn.org.kczg.teams.events.evaluation.GradeCorrected;
import cn.org.kczg.teams.events.evaluation.TeamDisqualificationReversed;
import cn.org.kczg.teams.events.evaluation.TeamDisqualified;
import cn.org.kczg.teams.events.evaluation.TeamStableSupport;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    @Schema(name = "AssessmentRunView", description = "One scoring run of a year's assessment and its progress.")
    public record AssessmentRunView(
            @Schema(description = "The run's id.", required = true) UUID id,
            @Schema(description = "The assessment year.", required = true, example = "2026") int year,
            @Schema(description = "The indicator system version the run scores against.", required = true)
            UUID systemId,
            @Schema(description = "Where the run is.", required = true) AssessmentRun.State state,
            @Schema(description = "Teams scored so far.", required = true) int processed,
            @Schema(description = "Teams live in the year, all to be scored.", required = true) int total,
            @Schema(description = "Who started the run.", required = true) String startedBy,
            @Schema(description = "When the run started.", required = true) Instant startedAt,
            @Schema(description = "When the run ended (DONE or FAILED); absent while RUNNING.") Instant finishedAt,
            @Schema(description = "Why the run FAILED; absent otherwise.") String failure) {
        static AssessmentRunView of(AssessmentRun r) {
            return new AssessmentRunView(r.id, r.year, r.systemId, r.state, r.processed, r.total, r.startedBy, r.startedAt,
                    r.finishedAt, r.failure);
        }
    }

    @Schema(name = "AssessmentView", description = "A year's annual assessment (Art. 20): a draft until published.")
    public record AssessmentView(
            @Schema(description = "The assessment year.", required = true, example = "2026") int year,
            @Schema(description = "Draft or published.", required = true) Assessment.Status status,
            @Schema(description = "The run whose results count; absent until a run has finished.") AssessmentRunView currentRun,
            @Schema(description = "How many teams of the current run have each final grade (every grade listed, 0 "
                    + "before a run has finished).", required = true) Map<Grade, Long> grades,
            @Schema(description = "Who published the assessment; absent while DRAFT.") String publishedBy,
            @Schema(description = "When the assessment was published; absent while DRAFT.") Instant publishedAt) {
    }

    /** The operator's change of a grade before publishing; the reason is shown to auditors. */
    @Schema(name = "GradeChange", description = "The operator's change of a team's grade before publishing.")
    public record GradeChange(
            @Schema(description = "The new grade.", required = true) @NotNull Grade grade,
            @Schema(description = "Why, in 10 to 2000 characters; kept and shown to auditors.", required = true,
                    minLength = 10, maxLength = 2000, example = "该团队年内承担抗洪救灾科技服务任务，经研究酌情调整")
            @NotBlank @Size(min = 10, max = 2000) String reason) {
    }

    @Schema(name = "GradeAdjustment", description = "The operator's adjustment of a team's grade, with its reason.")
    public record Adjustment(
            @Schema(description = "The grade the scoring computed.", required = true) Grade from,
            @Schema(description = "The grade the operator set.", required = true) Grade to,
            @Schema(description = "Why the grade was adjusted.", required = true,
                    example = "该团队年内承担抗洪救灾科技服务任务，经研究酌情调整") String reason,
            @Schema(description = "Who adjusted the grade.", required = true) String by,
            @Schema(description = "When the grade was adjusted.", required = true) Instant at) {
    }

    @Schema(name = "TeamAssessmentResult", description = "A team's result in the year's current run: dimension "
            + "scores, penalty, total and grade (Art. 18, 20).")
    public record TeamAssessmentResult(
            @Schema(description = "The service team's id.", required = true) UUID teamId,
            @Schema(description = "The service team's name.", required = true,
                    example = "“科创中国”智能制造产业科技服务团") String teamName,
            @Schema(description = "Unified social credit code of the team's lead unit.", required = true,
                    example = "91350100M000100Y43") String leadUnitCreditCode,
            @Schema(description = "Name of the team's lead unit.", example = "中国机械工程学会") String leadUnitName,
            @Schema(description = "Score of the organisation and operation dimension (组织运行), 0–100.")
            BigDecimal organisation,
            @Schema(description = "Score of the service content dimension (服务内容), 0–100.") BigDecimal content,
            @Schema(description = "Score of the effect dimension (实施效果), 0–100.") BigDecimal effect,
            @Schema(description = "Weighted score of the applicable indicators, 0–100, before penalties.",
                    required = true) BigDecimal baseScore,
            @Schema(description = "Points taken off for upheld complaints and fee violations.", required = true)
            BigDecimal penalty,
            @Schema(description = "The base score less the penalty, never below 0.", required = true) BigDecimal total,
            @Schema(description = "Upheld fee violations in the year (Art. 16).", required = true) int feeViolations,
            @Schema(description = "True when the upheld fee violations reached the system's veto count: POOR "
                    + "whatever the score.", required = true) boolean vetoed,
            @Schema(description = "The grade the scoring computed.", required = true) Grade computedGrade,
            @Schema(description = "The final grade: the computed one or the operator's adjustment.", required = true)
            Grade grade,
            @Schema(description = "The final grade in Chinese.", required = true, example = "优秀") String gradeLabel,
            @Schema(description = "The operator's adjustment; absent when the grade is the computed one.")
            Adjustment adjustment) {
        static TeamAssessmentResult of(TeamResult r) {
            return new TeamAssessmentResult(r.teamId, r.teamName, r.leadUnitCreditCode, r.leadUnitName, r.organisation,
                    r.content, r.effect, r.baseScore, r.penalty, r.total, r.feeViolations, r.vetoed, r.computedGrade,
                    r.grade, r.grade.label, r.adjustedAt == null ? null
                            : new Adjustment(r.computedGrade, r.grade, r.adjustmentReason, r.adjustedBy, r.adjustedAt));
        }
    }

    @Schema(name = "IndicatorScore", description = "How one indicator scored a team: the metric's value and its "
            + "score.")
    public record IndicatorScore(
            @Schema(description = "The indicator's code in its system.", required = true, example = "C1") String code,
            @Schema(description = "The indicator's name.", required = true, example = "服务活动场次") String name,
            @Schema(description = "The indicator's dimension.", required = true) Dimension dimension,
            @Schema(description = "The metric the indicator reads.", required = true, example = "activities")
            String metric,
            @Schema(description = "The indicator's weight in the system (all weights sum to 100).", required = true)
            BigDecimal weight,
            @Schema(description = "The team's metric value; absent when not applicable.") BigDecimal value,
            @Schema(description = "The indicator's score, 0–100; absent when not applicable.") BigDecimal score,
            @Schema(description = "False when the metric is a rate with nothing to count (e.g. no ticket reached the "
                    + "team): the other indicators' weights are then rescaled to 100.", required = true)
            boolean applicable) {
    }

    @Schema(name = "TeamAssessmentResultDetail", description = "A team's result with the score of every indicator "
            + "that made it.")
    public record ResultDetail(
            @Schema(description = "The assessment year.", required = true, example = "2026") int year,
            @Schema(description = "The run the result comes from.", required = true) UUID runId,
            @Schema(description = "The indicator system version the run scored against.", required = true)
            UUID systemId,
            @Schema(description = "The team's result.", required = true) TeamAssessmentResult result,
            @Schema(description = "Every indicator's score, in the system's order.", required = true)
            List<IndicatorScore> indicators) {
    }

    /** Starts scoring the year; {@link AssessmentRunner#launch} does the work once this has committed. */
    public AssessmentRunView start(Caller caller, int year) {
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
                "no-indicator-system", Text.of("assessment.no-indicator-system", year)));
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
        return AssessmentRunView.of(run);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AssessmentRunView> run(int year, UUID id) {
        return AssessmentRun.<AssessmentRun>findByIdOptional(id).filter(r -> r.year == year).map(AssessmentRunView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AssessmentRunView> runs(int year, PageRequest page) {
        return Page.of(AssessmentRun.<AssessmentRun>find("year", page.sort(), year), page, AssessmentRunView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AssessmentView> assessment(int year) {
        return Assessment.<Assessment>findByIdOptional(year).map(a -> {
            Map<Grade, Long> grades = new EnumMap<>(Grade.class);
            for (Grade g : Grade.values()) {
                grades.put(g, a.currentRunId == null ? 0L : TeamResult.count("runId = ?1 and grade = ?2", a.currentRunId, g));
            }
            AssessmentRunView current = a.currentRunId == null ? null
                    : AssessmentRunView.of(AssessmentRun.findById(a.currentRunId));
            return new AssessmentView(a.year, a.status, current, grades, a.publishedBy, a.publishedAt);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TeamAssessmentResult> results(Caller caller, int year, Grade grade, String leadUnit, PageRequest page) {
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
                TeamAssessmentResult::of);
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
                    return new ResultDetail(year, run.id, system.id, TeamAssessmentResult.of(r), scores);
                });
    }

    /** Who started runs, adjusted grades (with their reasons) and published the year. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(int year) {
        return Assessment.<Assessment>findByIdOptional(year).map(a -> audit.history(AGGREGATE, String.valueOf(year)));
    }

    public Optional<TeamAssessmentResult> adjust(Caller caller, int year, UUID teamId, GradeChange change) {
        Assessment a = Assessment.<Assessment>findByIdOptional(year)
                .orElseThrow(() -> ProblemException.notFound(Text.of("assessment.not-found", year)));
        requireDraft(a);
        return currentResult(a, teamId).map(r -> {
            r.grade = change.grade();
            r.adjustmentReason = change.reason().strip();
            r.adjustedBy = caller.subject();
            r.adjustedAt = clock.instant();
            audit.record(caller, "assessment.grade-adjusted", AGGREGATE, String.valueOf(year),
                    r.teamName + " (" + teamId + "): " + r.computedGrade + " → " + r.grade + "; " + r.adjustmentReason);
            return TeamAssessmentResult.of(r);
        });
    }

    /**
     * Makes the draft final: {@code assessment.published} per team, {@code team.disqualified} for POOR (Art. 20:
     * registration ends the team), {@code team.stable-support} for EXCELLENT.
     */
    public AssessmentView publish(Caller caller, int year) {
        locks.lock(yearLock(year));
        Assessment a = Assessment.<Assessment>findByIdOptional(year)
                .orElseThrow(() -> ProblemException.notFound(Text.of("assessment.not-found", year)));
        requireDraft(a);
        requireNoLiveRun(year, clock.instant());
        if (a.currentRunId == null) {
            throw ProblemException.conflict("no-results", Text.of("assessment.no-results", year));
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

    /** Issue 21: the team's published result of the year, which an appeal of its grade is about. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PublishedResult> published(int year, UUID teamId) {
        return Assessment.<Assessment>findByIdOptional(year).filter(a -> a.status == Assessment.Status.PUBLISHED)
                .flatMap(a -> currentResult(a, teamId).map(r -> new PublishedResult(r.leadUnitCreditCode, r.grade,
                        a.publishedAt)));
    }

    /** A published grade and when it was published (an appeal's window opens then). */
    public record PublishedResult(String leadUnitCreditCode, Grade grade, Instant publishedAt) {
    }

    /**
     * Issue 21: an upheld appeal corrects a published grade ({@code assessment.grade-corrected}); a POOR grade's
     * disqualification is reversed, a new POOR disqualifies and a new EXCELLENT brings stable support, as publishing
     * would have. Returns the grade before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Grade correct(Caller caller, int year, UUID teamId, Grade grade, UUID appealId, String reason) {
        locks.lock(yearLock(year));
        Assessment a = Assessment.<Assessment>findByIdOptional(year).filter(x -> x.status == Assessment.Status.PUBLISHED)
                .orElseThrow(() -> ProblemException.notFound(Text.of("assessment.results.not-published", year)));
        TeamResult r = currentResult(a, teamId)
                .orElseThrow(() -> ProblemException.notFound(Text.of("assessment.result.not-found", year, teamId)));
        Grade before = r.grade;
        Instant now = clock.instant();
        r.grade = grade;
        r.adjustmentReason = reason;
        r.adjustedBy = caller.subject();
        r.adjustedAt = now;
        audit.record(caller, "assessment.grade-corrected", AGGREGATE, String.valueOf(year),
                r.teamName + " (" + teamId + "): " + before + " → " + grade + "; " + reason);
        outbox.append(new GradeCorrected(teamId, r.leadUnitCreditCode, year, r.runId, before.name(), grade.name(),
                appealId, reason));
        if (before == Grade.POOR) {
            outbox.append(new TeamDisqualificationReversed(teamId, year, null, appealId, reason, now));
        }
        if (grade == Grade.POOR) {
            outbox.append(new TeamDisqualified(teamId, year, year + "年度考核经申诉复核评为较差：" + reason, now));
        } else if (grade == Grade.EXCELLENT) {
            outbox.append(new TeamStableSupport(teamId, r.leadUnitCreditCode, year));
        }
        return before;
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
                throw ProblemException.conflict("run-in-progress", Text.of("assessment.run-in-progress", year));
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
                .orElseThrow(() -> ProblemException.notFound(staff(caller) ? Text.of("assessment.results.not-found", year)
                        : Text.of("assessment.results.not-published", year)));
    }

    static boolean staff(Caller caller) {
        return caller.isAny(Roles.OPERATOR, Roles.AUDITOR);
    }

    private static void requireDraft(Assessment a) {
        if (a.status == Assessment.Status.PUBLISHED) {
            throw ProblemException.conflict("already-published", Text.of("assessment.already-published", a.year,
                    a.publishedAt));
        }
    }
}
