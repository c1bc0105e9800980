package cn.org.kczg.teams.evaluation.recognition;

import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.GuidanceView;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.MarkProject;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.ProjectView;
import cn.org.kczg.teams.evaluation.recognition.RecognitionDtos.RecordGuidance;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.privacy.PersonalDataRead;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.RequiredReason;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** Art. 18: demonstration projects (示范项目) and work guidance (工作指导), recorded by the operator. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Guidance and demonstration", description = "Art. 18: the 学会服务中心's daily management of service "
        + "teams — work guidance (工作指导) given to a team and demonstration projects (示范项目) marked per year; both "
        + "count in the metric catalogue (guidance-sessions, demonstration-projects).")
public class RecognitionResource {
    private static final String TEAM = "Only records of this service team.";
    private static final String YEAR = "Only records of this year, e.g. 2026.";
    private static final String PAGE = "Page number, from 0.";
    private static final String SIZE = "Page size (default 20, at most 100).";

    @Inject
    RecognitionService service;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentCaller caller;

    @POST
    @Path("/demonstration-projects")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "markDemonstrationProject", summary = "Mark a demonstration project",
            description = "Art. 18: the operator marks a team's work as a demonstration project (示范项目) of a year; it "
                    + "counts in the team's `demonstration-projects` metric for that year.")
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such team.")
    public Response mark(@NotNull @Valid MarkProject request) {
        ProjectView created = service.mark(caller.get(), request);
        return Created.at("/api/v1/demonstration-projects/" + created.id(), created);
    }

    @GET
    @Path("/demonstration-projects")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "listDemonstrationProjects", summary = "List demonstration projects",
            description = "Art. 18: demonstration projects, latest marked first; lead units and handlers see their own "
                    + "teams' only. Revoked ones are listed with `status=REVOKED`.")
    public Page<ProjectView> projects(@Parameter(description = TEAM) @QueryParam("teamId") UUID teamId,
            @Parameter(description = YEAR) @QueryParam("year") Integer year,
            @Parameter(description = "Only projects in this status (default ACTIVE).",
                    schema = @Schema(implementation = DemonstrationProject.Status.class))
            @QueryParam("status") String status,
            @Parameter(description = PAGE) @QueryParam("page") Integer page,
            @Parameter(description = SIZE) @QueryParam("size") Integer size) {
        DemonstrationProject.Status s = QueryParams.enumValue(DemonstrationProject.Status.class, "status", status);
        return service.projects(caller.get(), teamId, year, s == null ? DemonstrationProject.Status.ACTIVE : s,
                PageRequest.of(page, size, null, Map.of("markedAt", "markedAt"), "markedAt,desc"));
    }

    @GET
    @Path("/demonstration-projects/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "getDemonstrationProject", summary = "Get a demonstration project",
            description = "Art. 18: one demonstration project, active or revoked.")
    @APIResponse(responseCode = "200", description = "The demonstration project.")
    @APIResponse(responseCode = "404", description = "No such demonstration project (or not yours).")
    public ProjectView project(@Parameter(description = "The project's id.") @PathParam("id") UUID id) {
        return service.project(caller.get(), id).orElseThrow(() -> projectNotFound(id));
    }

    @GET
    @Path("/demonstration-projects/{id}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listDemonstrationProjectHistory", summary = "Read a demonstration project's history",
            description = "Who marked and who revoked the project, when and why, oldest first.")
    @APIResponse(responseCode = "200", description = "The project's changes, oldest first.")
    @APIResponse(responseCode = "404", description = "No such demonstration project.")
    public List<HistoryEntry> projectHistory(@Parameter(description = "The project's id.") @PathParam("id") UUID id) {
        service.project(caller.get(), id).orElseThrow(() -> projectNotFound(id));
        return audit.history(RecognitionService.PROJECT, id.toString());
    }

    @DELETE
    @Path("/demonstration-projects/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "revokeDemonstrationProject", summary = "Revoke a demonstration project",
            description = "Art. 18: the operator takes the mark back with a reason; the project stays listed as "
                    + "REVOKED and no longer counts in the team's metric.")
    @APIResponse(responseCode = "200", description = "The project, now REVOKED.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such demonstration project.")
    @APIResponse(responseCode = "409", description = "Conflict: `already-revoked` when it was revoked before.")
    public ProjectView revoke(@Parameter(description = "The project's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.revoke(caller.get(), id, body.reason()).orElseThrow(() -> projectNotFound(id));
    }

    @POST
    @Path("/guidance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "recordGuidance", summary = "Record work guidance given to a team",
            description = "Art. 18: the operator records work guidance (工作指导) given to a team on a day (not after "
                    + "today in China); it counts in the team's `guidance-sessions` metric for the day's year.")
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GuidanceView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such team.")
    @PersonalDataRead(type = "guidance-session")
    public Response guide(@NotNull @Valid RecordGuidance request) {
        GuidanceView created = service.guide(caller.get(), request);
        return Created.at("/api/v1/guidance/" + created.id(), created);
    }

    @GET
    @PersonalDataRead(type = "guidance-session")
    @Path("/guidance")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "listGuidance", summary = "List work guidance",
            description = "Art. 18: work guidance given to teams, latest day first; lead units and handlers see their "
                    + "own teams' only.")
    public Page<GuidanceView> guidance(@Parameter(description = TEAM) @QueryParam("teamId") UUID teamId,
            @Parameter(description = YEAR) @QueryParam("year") Integer year,
            @Parameter(description = PAGE) @QueryParam("page") Integer page,
            @Parameter(description = SIZE) @QueryParam("size") Integer size) {
        return service.guidance(caller.get(), teamId, year,
                PageRequest.of(page, size, null, Map.of("date", "givenOn"), "date,desc"));
    }

    @GET
    @PersonalDataRead(type = "guidance-session")
    @Path("/guidance/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "getGuidance", summary = "Get a work guidance record",
            description = "Art. 18: one record of work guidance given to a team.")
    @APIResponse(responseCode = "200", description = "The guidance record.")
    @APIResponse(responseCode = "404", description = "No such guidance record (or not yours).")
    public GuidanceView guidanceRecord(@Parameter(description = "The record's id.") @PathParam("id") UUID id) {
        return service.guidance(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound(Text.of("guidance.not-found", id)));
    }

    private static ProblemException projectNotFound(UUID id) {
        return ProblemException.notFound(Text.of("demonstration-project.not-found", id));
    }
}
