package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.evaluation.assessment.AssessmentService.AssessmentView;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService.GradeChange;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService.ResultDetail;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService.TeamAssessmentResult;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService.AssessmentRunView;
import cn.org.kczg.teams.evaluation.assessment.DataQualityFlags.DataQualityFlag;
import cn.org.kczg.teams.evaluation.assessment.LeadUnitSummaries.LeadUnitRankingPage;
import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 19–21: the annual assessment — runs, results, adjustments, publishing, lead-unit ranking, data quality. */
@Path("/api/v1/assessments/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annual assessment", description = "Art. 19–21: the annual assessment (年度考核) of every service team "
        + "live in a year — scoring runs against the year's published indicator system, results and grades, the "
        + "operator's grade adjustments, publishing (poor teams are disqualified, excellent ones get stable support), "
        + "the lead-unit ranking for the first-class society evaluation and data-quality flags for the auditor.")
public class AssessmentResource {
    static final String CSV = "text/csv";
    /** The shape of a unified social credit code (GB 32100-2015), for the document. */
    static final String CREDIT_CODE = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$";
    private static final String YEAR = "Assessment year, e.g. 2026.";
    private static final String PAGE = "Zero-based page number (default 0).";
    private static final String SIZE = "Items per page, 1–100 (default 20).";
    private static final String NO_ASSESSMENT = "No assessment for the year (no run was ever started).";

    @Inject
    AssessmentService service;
    @Inject
    AssessmentRunner runner;
    @Inject
    LeadUnitSummaries summaries;
    @Inject
    DataQualityFlags dataQuality;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getAssessment", summary = "Get a year's assessment",
            description = "The year's assessment: DRAFT until the operator publishes it, then PUBLISHED; its current "
                    + "run (the one whose results count) and how many teams have each grade (Art. 20).")
    @APIResponse(responseCode = "200", description = "The year's assessment.")
    @APIResponse(responseCode = "404", description = NO_ASSESSMENT)
    public AssessmentView get(@Parameter(description = YEAR) @PathParam("year") int year) {
        return service.assessment(year).orElseThrow(() -> noAssessment(year));
    }

    /** Art. 21: the year's audit trail — runs started, grades adjusted with their reasons, publishing. */
    @GET
    @Path("/history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listAssessmentHistory", summary = "List the assessment's audit trail",
            description = "Art. 21: who started runs, adjusted grades (with their reasons) and published the year's "
                    + "assessment, and when, oldest first.")
    @APIResponse(responseCode = "200", description = "The year's audit trail, oldest first.")
    @APIResponse(responseCode = "404", description = NO_ASSESSMENT)
    public List<HistoryEntry> history(@Parameter(description = YEAR) @PathParam("year") int year) {
        return service.history(year).orElseThrow(() -> noAssessment(year));
    }

    /** Scores every team live in the year, in the background; poll the run for progress. */
    @POST
    @Path("/runs")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "startAssessmentRun", summary = "Start an assessment run",
            description = "Art. 20: scores every team live in the year against the year's latest published indicator "
                    + "system, in the background. The run is RUNNING until it is DONE (its results replace the draft, "
                    + "dropping earlier grade adjustments) or FAILED; poll the Location for its progress.")
    @APIResponse(responseCode = "202", description = "The run started; Location names where its progress is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssessmentRunView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Conflict: `already-published` when the year's assessment is "
            + "published; `run-in-progress` while another run of the year makes progress; `no-indicator-system` "
            + "when the year has no published indicator system.")
    public Response start(@Parameter(description = YEAR) @PathParam("year") int year) {
        AssessmentRunView run = service.start(caller.get(), year);
        runner.launch(run.id());
        return Response.accepted(run).location(URI.create("/api/v1/assessments/" + year + "/runs/" + run.id())).build();
    }

    @GET
    @Path("/runs")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listAssessmentRuns", summary = "List the year's assessment runs",
            description = "Every scoring run of the year with its state and progress, the latest first.")
    public Page<AssessmentRunView> runs(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = PAGE) @QueryParam("page") Integer page,
            @Parameter(description = SIZE) @QueryParam("size") Integer size) {
        return service.runs(year, PageRequest.of(page, size, null, Map.of("startedAt", "startedAt"), "startedAt,desc"));
    }

    @GET
    @Path("/runs/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getAssessmentRun", summary = "Get an assessment run's progress",
            description = "One run: RUNNING with `processed` of `total` teams scored so far, then DONE or FAILED "
                    + "(with the failure).")
    @APIResponse(responseCode = "200", description = "The run.")
    @APIResponse(responseCode = "404", description = "No such run in this year.")
    public AssessmentRunView run(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = "The run's id (from the Location of its start).") @PathParam("id") UUID id) {
        return service.run(year, id).orElseThrow(() -> ProblemException.notFound(Text.of("assessment.run.not-found",
                id, year)));
    }

    @GET
    @Path("/results")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "listAssessmentResults", summary = "List the year's team results",
            description = "Art. 20: the current run's result of every team — dimension scores, penalty, total and "
                    + "grade. Operators and auditors see the draft; lead units and handlers see only their own teams, "
                    + "and only once the assessment is published.")
    @APIResponse(responseCode = "200", description = "A page of results.")
    @APIResponse(responseCode = "404", description = "No results for the year yet (for lead units and handlers: none "
            + "published).")
    public Page<TeamAssessmentResult> results(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = "Only results with this (final) grade.",
                    schema = @Schema(implementation = Grade.class)) @QueryParam("grade") String grade,
            @Parameter(description = "Only the teams of the lead unit with this unified social credit code.",
                    schema = @Schema(type = SchemaType.STRING, pattern = CREDIT_CODE, minLength = 18, maxLength = 18))
            @QueryParam("leadUnit") String leadUnit,
            @Parameter(description = PAGE) @QueryParam("page") Integer page,
            @Parameter(description = SIZE) @QueryParam("size") Integer size,
            @Parameter(description = "`field[,asc|desc]`, several joined by `;`; fields: total, teamName "
                    + "(default `total,desc`).") @QueryParam("sort") String sort) {
        return service.results(caller.get(), year, QueryParams.enumValue(Grade.class, "grade", grade), leadUnit,
                PageRequest.of(page, size, sort, Map.of("total", "total", "teamName", "teamName"), "total,desc"));
    }

    @GET
    @Path("/results/{teamId}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "getAssessmentResult", summary = "Get a team's result with its indicator scores",
            description = "Art. 20: one team's result in the current run and the value and score of every indicator "
                    + "that made it. Lead units and handlers see their own teams once the assessment is published.")
    @APIResponse(responseCode = "200", description = "The team's result.")
    @APIResponse(responseCode = "404", description = "No result of this team in the year (or not yours, or not "
            + "published yet).")
    public ResultDetail result(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = "The service team's id.") @PathParam("teamId") UUID teamId) {
        return service.result(caller.get(), year, teamId).orElseThrow(() -> noResult(year, teamId));
    }

    /** Before publishing only; the reason (10+ characters) is kept and shown to auditors. */
    @POST
    @Path("/results/{teamId}/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "adjustAssessmentGrade", summary = "Adjust a team's grade",
            description = "Art. 20: the operator changes a team's grade in the draft, with a reason of 10 to 2000 "
                    + "characters that is kept and shown to auditors. A later run replaces the adjustment.")
    @APIResponse(responseCode = "200", description = "The adjusted result.")
    @APIResponse(responseCode = "404", description = "No assessment for the year, or no result of this team in it.")
    @APIResponse(responseCode = "409", description = "Conflict: `already-published` when the year's assessment is "
            + "published.")
    public TeamAssessmentResult adjust(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = "The service team's id.") @PathParam("teamId") UUID teamId,
            @NotNull @Valid GradeChange change) {
        return service.adjust(caller.get(), year, teamId, change).orElseThrow(() -> noResult(year, teamId));
    }

    @POST
    @Path("/publish")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "publishAssessmentResults", summary = "Publish the year's assessment",
            description = "Art. 20: makes the draft results final and visible to lead units: every team's result is "
                    + "announced, POOR teams are disqualified and EXCELLENT teams marked for stable support. "
                    + "Published results never change.")
    @APIResponse(responseCode = "200", description = "The published assessment.")
    @APIResponse(responseCode = "404", description = NO_ASSESSMENT)
    @APIResponse(responseCode = "409", description = "Conflict: `already-published` when it is published already; "
            + "`run-in-progress` while a run of the year makes progress; `no-results` when no run has finished.")
    public AssessmentView publish(@Parameter(description = YEAR) @PathParam("year") int year) {
        return service.publish(caller.get(), year);
    }

    /**
     * Art. 19: lead units ranked by their teams' average total; {@code category=NATIONAL_SOCIETY} for societies.
     * JSON (paged) unless the caller asks for {@code text/csv}: the whole ranking, one line per team, for Excel.
     */
    @GET
    @Path("/lead-units")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "rankLeadUnits", summary = "Rank lead units by their teams' results",
            description = "Art. 19: lead units ranked by the average total of their teams in the current run (ties "
                    + "share a rank), with their grades and how their applications were decided — the input to the "
                    + "first-class society evaluation. JSON by default (paged); `Accept: text/csv` gives the whole "
                    + "ranking as a UTF-8 CSV file for Excel.")
    @APIResponse(responseCode = "200", description = "The ranking: a page of it as JSON, or all of it as CSV.",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = LeadUnitRankingPage.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = "UTF-8 with a "
                        + "byte order mark, one line per team: 年度,排名,统一社会信用代码,牵头单位,单位类别,团队数,"
                        + "平均分,科技服务团,团队总分,等级 (attachment lead-units-<year>.csv; page and size ignored)."))
            })
    @APIResponse(responseCode = "404", description = "No assessment for the year, or no finished run yet.")
    public Response leadUnits(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = "Only lead units of this category (Art. 5), e.g. NATIONAL_SOCIETY for national "
                    + "societies.", schema = @Schema(implementation = LeadUnitCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = PAGE + " JSON only.") @QueryParam("page") Integer page,
            @Parameter(description = SIZE + " JSON only.") @QueryParam("size") Integer size,
            @Context HttpHeaders headers) {
        if (wantsCsv(headers)) {
            return Response.ok(LeadUnitSummaries.csv(year, summaries.of(year, currentRun(year), category)))
                    .type(CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"lead-units-" + year + ".csv\"").build();
        }
        PageRequest request = PageRequest.of(page, size, null, Map.of("rank", "rank"), "rank");
        return Response.ok(LeadUnitRankingPage.of(Page.slice(summaries.of(year, currentRun(year), category), request)))
                .type(MediaType.APPLICATION_JSON).build();
    }

    /** CSV only when the caller prefers it to JSON: no Accept, a wildcard or JSON first all answer JSON. */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }

    /** Art. 21: flags for the auditor — duplicates, outliers, late uploads, tickets resolved without an answer. */
    @GET
    @Path("/data-quality")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listDataQualityFlags", summary = "List the year's data-quality flags",
            description = "Art. 21: what the third-party auditor should look at in the year's data — duplicate "
                    + "activity reports, participant outliers (over 5 times the team's median), late uploads and "
                    + "tickets resolved without an answer. Flags, not verdicts.")
    public Page<DataQualityFlag> dataQuality(@Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = "Only flags of this kind.",
                    schema = @Schema(implementation = DataQualityFlags.Kind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "Only flags of this service team.") @QueryParam("teamId") UUID teamId,
            @Parameter(description = PAGE) @QueryParam("page") Integer page,
            @Parameter(description = SIZE) @QueryParam("size") Integer size) {
        DataQualityFlags.Kind k = QueryParams.enumValue(DataQualityFlags.Kind.class, "kind", kind);
        PageRequest request = PageRequest.of(page, size, null, Map.of("kind", "kind"), "kind");
        return dataQuality.list(year, k, teamId, request);
    }

    private UUID currentRun(int year) {
        AssessmentView view = get(year);
        if (view.currentRun() == null) {
            throw ProblemException.notFound(Text.of("assessment.no-finished-run", year));
        }
        return view.currentRun().id();
    }

    private static ProblemException noAssessment(int year) {
        return ProblemException.notFound(Text.of("assessment.not-found", year));
    }

    private static ProblemException noResult(int year, UUID teamId) {
        return ProblemException.notFound(Text.of("assessment.result.not-found", year, teamId));
    }
}
