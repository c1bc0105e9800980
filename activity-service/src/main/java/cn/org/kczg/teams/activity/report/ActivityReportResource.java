package cn.org.kczg.teams.activity.report;

import cn.org.kczg.teams.activity.report.ActivityReportService.ActivityFilter;
import cn.org.kczg.teams.activity.report.ReportDtos.ActivityPatch;
import cn.org.kczg.teams.activity.report.ReportDtos.ActivityView;
import cn.org.kczg.teams.activity.report.ReportDtos.Outcome;
import cn.org.kczg.teams.activity.report.ReportDtos.ReportActivity;
import cn.org.kczg.teams.activity.report.ReportDtos.ViolationView;
import cn.org.kczg.teams.events.activity.ActivityForm;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.json.MergePatch;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.RequiredReason;
import cn.org.kczg.teams.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Activity reports (Art. 10, 11, 16) and the fee violations they raise. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity reports", description = "Art. 10, 11 and 16: teams report each offline or online activity — "
        + "its service category, place (pilot city or park first, Art. 10), participants, outcomes and the fees "
        + "charged. Teams are non-profit (Art. 16): any fee above zero raises a fee violation the operator upholds "
        + "or dismisses.")
public class ActivityReportResource {
    @Inject
    ActivityReportService service;
    @Inject
    CurrentCaller caller;
    @Inject
    AuditTrail audit;

    @POST
    @Path("/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER})
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "reportActivity", summary = "Report an activity",
            description = "The team's lead unit or handler reports one activity (Art. 11) of an active or suspended "
                    + "team; its place is counted as a pilot city or park, another region or online (Art. 10). A fee "
                    + "above zero raises a fee violation for the operator (Art. 16). Only activities that took place: "
                    + "a start or end date after today in China (Asia/Shanghai) is a 400 naming the field.")
    @APIResponse(responseCode = "404", description = "No such team (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `team-not-live` when the team is revoked or "
            + "disqualified and reports no more.")
    public Response report(@NotNull @Valid ReportActivity request) {
        ActivityView created = service.report(caller.get(), request);
        return Created.at("/api/v1/activities/" + created.id().toString(), created);
    }

    @GET
    @Path("/activities")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listActivityReports", summary = "List reported activities",
            description = "The activities the caller may see (a team's lead unit and handler the team's, the operator "
                    + "and auditors all), latest start first. Operators and auditors may ask for the whole list as a "
                    + "file with `Accept: text/csv` or `Accept: " + TableFormat.XLSX_TYPE + "` (the same filters).")
    public Page<ActivityView> list(
            @Parameter(description = "Only activities of this team.") @QueryParam("teamId") UUID teamId,
            @Parameter(description = "Only activities counted for this year, e.g. 2026.")
            @QueryParam("year") Integer year,
            @Parameter(description = "Only activities of this service category (Art. 11).",
                    schema = @Schema(implementation = ServiceCategory.class)) @QueryParam("category") String category,
            @Parameter(description = "Only activities of this form.",
                    schema = @Schema(implementation = ActivityForm.class)) @QueryParam("form") String form,
            @Parameter(description = "Only reports in this status; left out, every report but the withdrawn ones.",
                    schema = @Schema(implementation = ReportStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "Sort as `field,asc|desc`: startDate or reportedAt (default startDate,desc).")
            @QueryParam("sort") String sort,
            @Parameter(description = Listing.CURSOR_PARAMETER) @QueryParam("cursor") String cursor,
            @Parameter(description = Listing.COUNT_PARAMETER, schema = @Schema(enumeration = {"exact", "estimate"}))
            @QueryParam("count") String count) {
        return service.list(caller.get(), filter(teamId, year, category, form, status), PageRequest.of(page, size, sort,
                cursor, count, Map.of("startDate", "startDate", "reportedAt", "reportedAt"), "startDate,desc"));
    }

    /** {@code GET /api/v1/activities} with {@code Accept: text/csv} or XLSX: every matching activity, as a file. */
    @GET
    @Path("/activities/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response export(@QueryParam("teamId") UUID teamId, @QueryParam("year") Integer year,
            @QueryParam("category") String category, @QueryParam("form") String form,
            @QueryParam("status") String status, @HeaderParam("Accept") String accept) {
        ActivityFilter filter = filter(teamId, year, category, form, status);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "服务活动", ActivityExport.COLUMNS,
                () -> service.all(who, filter));
    }

    private static ActivityFilter filter(UUID teamId, Integer year, String category, String form, String status) {
        ServiceCategory c = QueryParams.enumValue(ServiceCategory.class, "category", category);
        return new ActivityFilter(teamId, year, c == null ? null : c.name(),
                QueryParams.enumValue(ActivityForm.class, "form", form),
                QueryParams.enumValue(ReportStatus.class, "status", status));
    }

    @GET
    @Path("/activities/{id}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getActivityReport", summary = "Read a reported activity",
            description = "One reported activity with its place kind (Art. 10), outcomes and fees.")
    @APIResponse(responseCode = "200", description = "The reported activity.")
    @APIResponse(responseCode = "404", description = "No such activity (or not yours).")
    public ActivityView get(@Parameter(description = "The activity's id.") @PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> ProblemException.notFound(Text.of("activity.not-found", id)));
    }

    @PATCH
    @Path("/activities/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR})
    @Operation(operationId = "correctActivityReport", summary = "Correct a reported activity",
            description = "The team that reported the activity (its lead unit, handler or a deputy) or the operator "
                    + "corrects it with a JSON Merge Patch (RFC 7396, as application/merge-patch+json or "
                    + "application/json) and a `reason`, until the assessment of its year is published. The result is "
                    + "checked like a new report (no day after today in China); the history keeps every old → new "
                    + "value, `activity.corrected` carries the new figures to the evaluation, and a fee corrected to "
                    + "above zero raises a fee violation (Art. 16).")
    @RequestBody(required = true, description = "The changes and the reason.", content = {
        @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = ActivityPatch.class)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityPatch.class))})
    @APIResponse(responseCode = "200", description = "The activity as corrected (unchanged when nothing differed).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `assessment-closed` when the assessment of the "
            + "activity's year (or of the year it would move to) is published; `activity-withdrawn` when it was "
            + "withdrawn.")
    public ActivityView correct(@Parameter(description = "The activity's id.") @PathParam("id") UUID id,
            JsonNode patch) throws JsonProcessingException {
        return service.correct(caller.get(), id, patch).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/activities/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR})
    @Operation(operationId = "withdrawActivityReport", summary = "Withdraw a reported activity",
            description = "The team that reported the activity or the operator withdraws it with a reason, until the "
                    + "assessment of its year is published: it becomes WITHDRAWN, leaves lists (unless asked for with "
                    + "`status=WITHDRAWN`), statistics and the team's metrics (`activity.withdrawn`); its history "
                    + "stays. A fee violation it raised stays for the operator's decision.")
    @APIResponse(responseCode = "200", description = "The activity, now WITHDRAWN.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `assessment-closed` when the assessment of the "
            + "activity's year is published; `activity-withdrawn` when it was already withdrawn.")
    public ActivityView withdraw(@Parameter(description = "The activity's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.withdraw(caller.get(), id, body.reason()).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/activities/{id}/history")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listActivityReportHistory", summary = "Read a reported activity's history",
            description = "Every change of the report from the audit trail, oldest first: reported, corrected (with "
                    + "the reason and each field's old → new value), withdrawn — who, when and why.")
    @APIResponse(responseCode = "200", description = "The report's changes, oldest first.")
    @APIResponse(responseCode = "404", description = "No such activity (or not yours).")
    public List<HistoryEntry> history(@Parameter(description = "The activity's id.") @PathParam("id") UUID id) {
        service.find(caller.get(), id).orElseThrow(() -> notFound(id));
        return audit.history(ActivityReportService.AGGREGATE, id.toString());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("activity.not-found", id));
    }

    @GET
    @Path("/fee-violations")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listFeeViolations", summary = "List fee violations",
            description = "The fees declared in activity reports (Art. 16), newest first, for the operator to decide "
                    + "and auditors to check.")
    public Page<ViolationView> violations(
            @Parameter(description = "Only violations in this status.",
                    schema = @Schema(implementation = FeeViolation.Status.class)) @QueryParam("status") String status,
            @Parameter(description = "Only violations of this team.") @QueryParam("teamId") UUID teamId,
            @Parameter(description = "Only violations of this year, e.g. 2026.") @QueryParam("year") Integer year,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "Sort as `field,asc|desc`: flaggedAt or amount (default flaggedAt,desc).")
            @QueryParam("sort") String sort) {
        return service.violations(QueryParams.enumValue(FeeViolation.Status.class, "status", status), teamId, year,
                PageRequest.of(page, size, sort, Map.of("flaggedAt", "flaggedAt", "amount", "amount"), "flaggedAt,desc"));
    }

    @POST
    @Path("/fee-violations/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "decideFeeViolation", summary = "Decide a fee violation",
            description = "The operator upholds or dismisses a FLAGGED fee violation (Art. 16) with a reason; an "
                    + "upheld violation counts against the team in its annual assessment.")
    @APIResponse(responseCode = "200", description = "The fee violation, now UPHELD or DISMISSED.")
    @APIResponse(responseCode = "404", description = "No such fee violation.")
    @APIResponse(responseCode = "409", description = "Conflict: `already-decided` when the violation was already "
            + "upheld or dismissed.")
    public ViolationView decide(@Parameter(description = "The fee violation's id.") @PathParam("id") UUID id,
            @NotNull @Valid Outcome body) {
        return service.decide(caller.get(), id, body.outcome(), body.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("fee-violation.not-found", id)));
    }
}
