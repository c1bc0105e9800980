package cn.org.kczg.teams.evaluation.recognition;

import cn.org.kczg.teams.evaluation.metric.MetricCatalogue;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.GuidanceView;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.MarkProject;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.ProjectView;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.RecordGuidance;
import cn.org.kczg.teams.evaluation.team.TeamCopy;
import cn.org.kczg.teams.kit.audit.AuditTrail;
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
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Art. 18: the 学会服务中心's daily management of teams includes work guidance (工作指导) and demonstration projects
 * (示范项目). The operator records both; each counts per team and year in the metric catalogue
 * ({@code demonstration-projects}, {@code guidance-sessions}) so indicator systems can score them.
 */
@ApplicationScoped
@Transactional
public class RecognitionService {
    static final String PROJECT = "demonstration-project";
    static final String GUIDANCE = "guidance";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    RecognitionFacts facts;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public ProjectView mark(Caller caller, MarkProject request) {
        TeamCopy team = team(request.teamId());
        DemonstrationProject p = new DemonstrationProject();
        p.id = UUID.randomUUID();
        p.teamId = team.id;
        p.leadUnitCreditCode = team.leadUnitCreditCode;
        p.year = request.year();
        p.title = request.title().strip();
        p.description = request.description();
        p.status = DemonstrationProject.Status.ACTIVE;
        p.markedBy = caller.subject();
        p.markedAt = clock.instant();
        p.persist();
        audit.record(caller, "demonstration-project.marked", PROJECT, p.id.toString(),
                team.name + " " + p.year + ": " + p.title);
        facts.add(p.id, "demonstration-project.marked", p.teamId, p.year, MetricCatalogue.DEMONSTRATION_PROJECTS,
                p.id.toString(), BigDecimal.ONE, p.markedAt);
        return ProjectView.of(p);
    }

    /** Revoking takes the project out of the metric (an opposite fact); a second revocation is a 409. */
    public Optional<ProjectView> revoke(Caller caller, UUID id, String reason) {
        return DemonstrationProject.<DemonstrationProject>findByIdOptional(id).map(p -> {
            if (p.status == DemonstrationProject.Status.REVOKED) {
                throw ProblemException.conflict("already-revoked", Text.of("demonstration-project.revoked", id));
            }
            p.status = DemonstrationProject.Status.REVOKED;
            p.revokedBy = caller.subject();
            p.revokedAt = clock.instant();
            p.revocationReason = reason.strip();
            audit.record(caller, "demonstration-project.revoked", PROJECT, p.id.toString(), p.revocationReason);
            facts.add(p.id, "demonstration-project.revoked", p.teamId, p.year, MetricCatalogue.DEMONSTRATION_PROJECTS,
                    p.id + ":revoked", BigDecimal.ONE.negate(), p.revokedAt);
            return ProjectView.of(p);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProjectView> project(Caller caller, UUID id) {
        return DemonstrationProject.<DemonstrationProject>findByIdOptional(id)
                .filter(p -> maySee(caller, p.teamId, p.leadUnitCreditCode)).map(ProjectView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProjectView> projects(Caller caller, UUID teamId, Integer year, DemonstrationProject.Status status,
            PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = where(caller, teamId, year, params);
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        return Page.of(DemonstrationProject.<DemonstrationProject>find(String.join(" and ", where), page.sort(), params),
                page, ProjectView::of);
    }

    public GuidanceView guide(Caller caller, RecordGuidance request) {
        TeamCopy team = team(request.teamId());
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        if (request.date().isAfter(today)) {
            throw ProblemException.invalid("date", Text.of("guidance.in-future", today));
        }
        GuidanceSession g = new GuidanceSession();
        g.id = UUID.randomUUID();
        g.teamId = team.id;
        g.leadUnitCreditCode = team.leadUnitCreditCode;
        g.year = request.date().getYear();
        g.givenOn = request.date();
        g.topic = request.topic().strip();
        g.content = request.content();
        g.givenBy = request.givenBy() == null || request.givenBy().isBlank() ? null : request.givenBy().strip();
        g.recordedBy = caller.subject();
        g.recordedAt = clock.instant();
        g.persist();
        audit.record(caller, "guidance.recorded", GUIDANCE, g.id.toString(), team.name + " " + g.givenOn + ": " + g.topic);
        facts.add(g.id, "guidance.recorded", g.teamId, g.year, MetricCatalogue.GUIDANCE_SESSIONS, g.id.toString(),
                BigDecimal.ONE, g.recordedAt);
        return GuidanceView.of(g);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GuidanceView> guidance(Caller caller, UUID id) {
        return GuidanceSession.<GuidanceSession>findByIdOptional(id)
                .filter(g -> maySee(caller, g.teamId, g.leadUnitCreditCode)).map(GuidanceView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GuidanceView> guidance(Caller caller, UUID teamId, Integer year, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = where(caller, teamId, year, params);
        return Page.of(GuidanceSession.<GuidanceSession>find(String.join(" and ", where), page.sort(), params), page,
                GuidanceView::of);
    }

    private static TeamCopy team(UUID teamId) {
        return TeamCopy.<TeamCopy>findByIdOptional(teamId)
                .orElseThrow(() -> ProblemException.notFound(Text.of("team.not-found", teamId)));
    }

    private static boolean maySee(Caller caller, UUID teamId, String leadUnit) {
        return caller.isAny(Roles.OPERATOR, Roles.AUDITOR) || caller.teams().contains(teamId.toString())
                || caller.actsFor(leadUnit);
    }

    private static List<String> where(Caller caller, UUID teamId, Integer year, Parameters params) {
        List<String> where = new ArrayList<>();
        where.add("1 = 1");
        if (!caller.isAny(Roles.OPERATOR, Roles.AUDITOR)) {
            where.add(OwnObjects.ofTeams(caller, params, "teamId", "leadUnitCreditCode"));
        }
        if (teamId != null) {
            where.add("teamId = :teamId");
            params.and("teamId", teamId);
        }
        if (year != null) {
            where.add("year = :year");
            params.and("year", year);
        }
        return where;
    }
}
