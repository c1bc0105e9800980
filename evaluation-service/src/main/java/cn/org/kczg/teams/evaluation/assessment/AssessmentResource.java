package cn.org.kczg.teams.evaluation.assessment;

import cn.org.kczg.teams.evaluation.assessment.AssessmentService.AssessmentView;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService.GradeChange;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService.ResultDetail;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService.ResultView;
import cn.org.kczg.teams.evaluation.assessment.AssessmentService.RunView;
import cn.org.kczg.teams.evaluation.assessment.DataQualityFlags.Flag;
import cn.org.kczg.teams.evaluation.assessment.LeadUnitSummaries.LeadUnitSummary;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 19–21: the annual assessment — runs, results, adjustments, publishing, lead-unit ranking, data quality. */
@Path("/api/v1/assessments/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Annual assessment (Art. 19–21)")
public class AssessmentResource {
    static final String CSV = "text/csv";

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
    public AssessmentView get(@PathParam("year") int year) {
        return service.assessment(year).orElseThrow(() -> ProblemException.notFound("No assessment for " + year + "."));
    }

    /** Art. 21: the year's audit trail — runs started, grades adjusted with their reasons, publishing. */
    @GET
    @Path("/history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public List<HistoryEntry> history(@PathParam("year") int year) {
        return service.history(year).orElseThrow(() -> ProblemException.notFound("No assessment for " + year + "."));
    }

    /** Scores every team live in the year, in the background; poll the run for progress. */
    @POST
    @Path("/runs")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "202", description = "The run started; Location names where its progress is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response start(@PathParam("year") int year) {
        RunView run = service.start(caller.get(), year);
        runner.launch(run.id());
        return Response.accepted(run).location(URI.create("/api/v1/assessments/" + year + "/runs/" + run.id())).build();
    }

    @GET
    @Path("/runs")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Page<RunView> runs(@PathParam("year") int year, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.runs(year, PageRequest.of(page, size, null, Map.of("startedAt", "startedAt"), "startedAt,desc"));
    }

    @GET
    @Path("/runs/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public RunView run(@PathParam("year") int year, @PathParam("id") UUID id) {
        return service.run(year, id).orElseThrow(() -> ProblemException.notFound("No run " + id + " for " + year + "."));
    }

    @GET
    @Path("/results")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    public Page<ResultView> results(@PathParam("year") int year, @QueryParam("grade") String grade, @QueryParam("leadUnit") String leadUnit,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return service.results(caller.get(), year, QueryParams.enumValue(Grade.class, "grade", grade), leadUnit,
                PageRequest.of(page, size, sort, Map.of("total", "total", "teamName", "teamName"), "total,desc"));
    }

    @GET
    @Path("/results/{teamId}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    public ResultDetail result(@PathParam("year") int year, @PathParam("teamId") UUID teamId) {
        return service.result(caller.get(), year, teamId).orElseThrow(() -> noResult(year, teamId));
    }

    /** Before publishing only; the reason (10+ characters) is kept and shown to auditors. */
    @POST
    @Path("/results/{teamId}/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public ResultView adjust(@PathParam("year") int year, @PathParam("teamId") UUID teamId, @NotNull @Valid GradeChange change) {
        return service.adjust(caller.get(), year, teamId, change).orElseThrow(() -> noResult(year, teamId));
    }

    @POST
    @Path("/publish")
    @RolesAllowed(Roles.OPERATOR)
    public AssessmentView publish(@PathParam("year") int year) {
        return service.publish(caller.get(), year);
    }

    /** Art. 19: lead units ranked by their teams' average total; {@code category=NATIONAL_SOCIETY} for societies. */
    @GET
    @Path("/lead-units")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Page<LeadUnitSummary> leadUnits(@PathParam("year") int year, @QueryParam("category") String category, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of("rank", "rank"), "rank");
        return Page.slice(summaries.of(year, currentRun(year), category), request);
    }

    @GET
    @Path("/lead-units")
    @Produces(CSV)
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Response leadUnitsCsv(@PathParam("year") int year, @QueryParam("category") String category) {
        return Response.ok(LeadUnitSummaries.csv(year, summaries.of(year, currentRun(year), category)))
                .type(CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"lead-units-" + year + ".csv\"").build();
    }

    /** Art. 21: flags for the auditor — duplicates, outliers, late uploads, tickets resolved without an answer. */
    @GET
    @Path("/data-quality")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Page<Flag> dataQuality(@PathParam("year") int year, @QueryParam("kind") String kind, @QueryParam("teamId") UUID teamId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        DataQualityFlags.Kind k = QueryParams.enumValue(DataQualityFlags.Kind.class, "kind", kind);
        PageRequest request = PageRequest.of(page, size, null, Map.of("kind", "kind"), "kind");
        return dataQuality.list(year, k, teamId, request);
    }

    private UUID currentRun(int year) {
        AssessmentView view = get(year);
        if (view.currentRun() == null) {
            throw ProblemException.notFound("No finished assessment run for " + year + " yet.");
        }
        return view.currentRun().id();
    }

    private static ProblemException noResult(int year, UUID teamId) {
        return ProblemException.notFound("No " + year + " result for team " + teamId + ".");
    }
}
