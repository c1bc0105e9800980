package cn.org.kczg.teams.evaluation.appeal;

import cn.org.kczg.teams.evaluation.appeal.AppealDtos.AppealView;
import cn.org.kczg.teams.evaluation.appeal.AppealDtos.Decision;
import cn.org.kczg.teams.evaluation.appeal.AppealDtos.FileAppeal;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.privacy.PersonalDataRead;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** Issue 21: appeals of published grades, disqualifications and bans, and the operator's decisions. */
@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals", description = "Appeals (申诉) of a team's published grade, a disqualification or a ban, "
        + "within the appeal period after the decision; the operator upholds (the effect is reversed) or dismisses "
        + "them with a reason.")
public class AppealResource {
    @Inject
    AppealService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "fileAppeal", summary = "Appeal a grade, a disqualification or a ban",
            description = "A lead unit appeals its team's published grade (`teamId`, `year`) or a sanction's "
                    + "disqualification or ban (`sanctionId`) within the appeal period (30 days by default) after "
                    + "the grade was published or the sanction decided; an operator may file on its behalf. One open "
                    + "appeal per subject.")
    @APIResponse(responseCode = "201", description = "Filed; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppealView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such published grade or sanction (or not your unit's).")
    @APIResponse(responseCode = "409", description = "Conflict: `appeal-window-closed` after the appeal period; "
            + "`appeal-open` while an appeal of the same subject is open; `already-reversed` when the "
            + "disqualification was reversed; `ban-already-lifted` when the ban was lifted.")
    @PersonalDataRead(type = "appeal")
    public Response file(@NotNull @Valid FileAppeal request) {
        AppealView filed = service.file(caller.get(), request);
        return Created.at("/api/v1/appeals/" + filed.id(), filed);
    }

    @GET
    @PersonalDataRead(type = "appeal")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT})
    @Operation(operationId = "listAppeals", summary = "List appeals",
            description = "Appeals, the latest first: operators and auditors see all, a lead unit its own. Also "
                    + "answers `Accept: text/csv` or XLSX with every matching appeal (operators and auditors).")
    @APIResponse(responseCode = "200", description = "A page of appeals.")
    public Page<AppealView> list(
            @Parameter(description = "Only appeals in this status.", schema = @Schema(implementation = Appeal.Status.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only appeals of this subject.", schema = @Schema(implementation = Appeal.Subject.class))
            @QueryParam("subject") String subject,
            @Parameter(description = "Only appeals of this year (the grade's, or the sanction's).", example = "2026")
            @QueryParam("year") @Min(2000) @Max(2199) Integer year,
            @Parameter(description = "Zero-based page number (default 0).") @QueryParam("page") Integer page,
            @Parameter(description = "Items per page, 1–100 (default 20).") @QueryParam("size") Integer size) {
        return service.list(caller.get(), QueryParams.enumValue(Appeal.Status.class, "status", status),
                QueryParams.enumValue(Appeal.Subject.class, "subject", subject), year,
                PageRequest.of(page, size, null, Map.of("filedAt", "filedAt"), "filedAt,desc"));
    }

    /** {@code GET /api/v1/appeals} with {@code Accept: text/csv} or XLSX: every matching appeal, as a file. */
    @GET
    @Path("/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response export(@QueryParam("status") String status, @QueryParam("subject") String subject,
            @QueryParam("year") @Min(2000) @Max(2199) Integer year, @HeaderParam("Accept") String accept) {
        Appeal.Status s = QueryParams.enumValue(Appeal.Status.class, "status", status);
        Appeal.Subject of = QueryParams.enumValue(Appeal.Subject.class, "subject", subject);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "申诉", AppealExport.COLUMNS,
                () -> service.all(who, s, of, year));
    }

    @GET
    @PersonalDataRead(type = "appeal")
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT})
    @Operation(operationId = "getAppeal", summary = "Get an appeal",
            description = "One appeal and, once decided, the decision with its reason.")
    @APIResponse(responseCode = "200", description = "The appeal.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "404", description = "No such appeal (or not your unit's).")
    public AppealView get(@Parameter(description = "The appeal's id.") @PathParam("id") UUID id) {
        return service.find(caller.get(), id)
                .orElseThrow(() -> ProblemException.notFound(Text.of("appeal.not-found", id)));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "decideAppeal", summary = "Decide an appeal",
            description = "The operator upholds or dismisses an open appeal with a reason. Upheld, the effect is "
                    + "reversed: a grade is corrected to `newGrade` (assessment.grade-corrected; a POOR grade's "
                    + "disqualification reversed), a disqualification reversed (team.disqualification-reversed: the "
                    + "team gets its status back), a ban lifted (lead-unit.ban-lifted: the unit may apply again).")
    @APIResponse(responseCode = "200", description = "The decided appeal.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "404", description = "No such appeal.")
    @APIResponse(responseCode = "409", description = "Conflict: `appeal-decided` when it was decided already; "
            + "`already-reversed` or `ban-already-lifted` when the effect was undone meanwhile.")
    @PersonalDataRead(type = "appeal")
    public AppealView decide(@Parameter(description = "The appeal's id.") @PathParam("id") UUID id,
            @NotNull @Valid Decision decision) {
        return service.decide(caller.get(), id, decision)
                .orElseThrow(() -> ProblemException.notFound(Text.of("appeal.not-found", id)));
    }
}
