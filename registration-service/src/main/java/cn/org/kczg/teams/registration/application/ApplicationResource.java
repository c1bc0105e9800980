package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.json.MergePatch;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.Reason;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.application.ApplicationDtos.ApplicationDraft;
import cn.org.kczg.teams.registration.application.ApplicationDtos.ApplicationPatch;
import cn.org.kczg.teams.registration.application.ApplicationDtos.ApplicationView;
import cn.org.kczg.teams.registration.application.ApplicationService.ApplicationFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import cn.org.kczg.teams.kit.privacy.PersonalDataRead;
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

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Team applications", description = "Art. 3–9, 12, 14: a lead unit drafts the application to form a "
        + "科创中国 service team (Art. 4 name, members, service categories, pilot cities, resources, demand-hall handler), "
        + "edits it while it is in its hands, submits it inside an open registration window and may withdraw it before "
        + "the decision; the qualification review's decision moves it on, and an approval makes the team.")
public class ApplicationResource {
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "submittedAt", "submittedAt", "name", "name");
    private static final String ID = "The application's id.";

    @Inject
    ApplicationService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "createApplication", summary = "Draft a team application",
            description = "Creates a DRAFT application for the caller's own lead unit (an operator names the lead unit "
                    + "in leadUnit). Every part may still be missing; a name given must have the Art. 4 shape "
                    + "“科创中国”<service content>科技服务团, and serviceContent, when sent, must match it.")
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Conflict: `lead-unit-not-registered` when the lead unit has not "
            + "been registered (POST /api/v1/lead-units) yet.")
    @PersonalDataRead(type = "application")
    public Response create(@NotNull @Valid ApplicationDraft draft) {
        ApplicationView created = service.create(caller.get(), draft);
        return Created.at("/api/v1/applications/" + created.id().toString(), created);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "updateApplication", summary = "Edit a team application",
            description = "Applies a JSON Merge Patch (RFC 7396) to a DRAFT or CHANGES_REQUESTED application: a member "
                    + "left out stays unchanged, null clears it, arrays (categories, pilotCities, members …) are "
                    + "replaced whole and objects (handler, resourcesCommitted) merge member by member. The result is "
                    + "validated as a create is; the lead unit cannot change.")
    @RequestBody(required = true, description = "The changes, as a JSON Merge Patch of the application.",
            content = {
                    @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = ApplicationPatch.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApplicationPatch.class))})
    @APIResponse(responseCode = "200", description = "The application as edited.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid: `validation` naming each field at fault (also leadUnit "
            + "when it is null or another code), `unknown-field` naming a member the application does not have.")
    @APIResponse(responseCode = "404", description = "No such application (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-editable` when the application is neither DRAFT "
            + "nor CHANGES_REQUESTED; `stale-version` when someone else changed it meanwhile.")
    @PersonalDataRead(type = "application")
    public ApplicationView update(@Parameter(description = ID) @PathParam("id") UUID id, JsonNode patch)
            throws JsonProcessingException {
        return service.update(caller.get(), id, patch).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "submitApplication", summary = "Submit a team application",
            description = "Submits a DRAFT or CHANGES_REQUESTED application for the qualification review, only while a "
                    + "registration window is open (Art. 3). The application must be complete (Art. 4, 6, 7, 9, 11, 12, "
                    + "14; every gap is listed at once) and its Art. 4 name not held by a live team or pending application.")
    @APIResponse(responseCode = "200", description = "The application, now SUBMITTED.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid: `incomplete-application` with every missing or wrong "
            + "part in errors.")
    @APIResponse(responseCode = "404", description = "No such application (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `no-open-window` when no registration window is open "
            + "(the detail says when the next opens); `illegal-transition` when the application is not DRAFT or "
            + "CHANGES_REQUESTED; `name-taken` when a live team or pending application holds the name; "
            + "`lead-unit-banned` when a ban of the lead unit is in force (Art. 20; the detail names the day it ends).")
    @PersonalDataRead(type = "application")
    public ApplicationView submit(@Parameter(description = ID) @PathParam("id") UUID id) {
        return service.submit(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "withdrawApplication", summary = "Withdraw a team application",
            description = "Withdraws an application before the decision (from DRAFT, SUBMITTED or CHANGES_REQUESTED), "
                    + "with an optional reason kept in its history; its name is freed and, if it was pending, the "
                    + "qualification review is told.")
    @APIResponse(responseCode = "200", description = "The application, now WITHDRAWN.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the application was already "
            + "decided or withdrawn.")
    @PersonalDataRead(type = "application")
    public ApplicationView withdraw(@Parameter(description = ID) @PathParam("id") UUID id, @Valid Reason reason) {
        return service.withdraw(caller.get(), id, reason == null ? null : reason.reason())
                .orElseThrow(() -> notFound(id));
    }

    @GET
    @PersonalDataRead(type = "application")
    @Path("/{id}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getApplication", summary = "Read a team application",
            description = "One application with everything it states, its status and, once decided, the decision "
                    + "reasons and the team it made. A lead unit sees only its own.")
    @APIResponse(responseCode = "404", description = "No such application (or not yours).")
    @APIResponse(responseCode = "200", description = "The application.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    public ApplicationView get(@Parameter(description = ID) @PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "listApplicationHistory", summary = "Read a team application's history",
            description = "The audit trail of one application, oldest first: created, edited, submitted, withdrawn and "
                    + "the review's decisions, each with who acted, when and the reason given.")
    @APIResponse(responseCode = "404", description = "No such application (or not yours).")
    @APIResponse(responseCode = "200", description = "Its history, oldest first.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntry.class)))
    public List<HistoryEntry> history(@Parameter(description = ID) @PathParam("id") UUID id) {
        return service.history(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @PersonalDataRead(type = "application")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "listApplications", summary = "List team applications",
            description = "Applications page by page, filtered by status, year, lead unit and a keyword; a lead unit "
                    + "sees only its own. Sortable by createdAt, updatedAt, submittedAt and name (default updatedAt,desc). "
                    + "Operators, reviewers and auditors may ask for the whole list as a file with `Accept: text/csv` "
                    + "or `Accept: " + TableFormat.XLSX_TYPE + "` (the same filters).")
    public Page<ApplicationView> list(
            @Parameter(description = "Only applications in this status.",
                    schema = @Schema(implementation = ApplicationStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only applications of this registration year (set at first submission).")
            @QueryParam("year") Integer year,
            @Parameter(description = "Only applications of this lead unit (its unified social credit code).")
            @QueryParam("leadUnit") String leadUnit,
            @Parameter(description = "A keyword found in the team name or the lead unit's name.") @QueryParam("q") String q,
            @Parameter(description = "The page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "The page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "field,direction: createdAt, updatedAt, submittedAt or name; asc or desc.")
            @QueryParam("sort") String sort) {
        return service.list(caller.get(), filter(status, year, leadUnit, q),
                PageRequest.of(page, size, sort, SORTABLE, "updatedAt,desc"));
    }

    /** {@code GET /api/v1/applications} with {@code Accept: text/csv} or XLSX: every matching application. */
    @GET
    @Path("/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response export(@QueryParam("status") String status, @QueryParam("year") Integer year,
            @QueryParam("leadUnit") String leadUnit, @QueryParam("q") String q, @HeaderParam("Accept") String accept) {
        ApplicationFilter filter = filter(status, year, leadUnit, q);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "团队申请", ApplicationExport.COLUMNS,
                () -> service.all(who, filter));
    }

    private static ApplicationFilter filter(String status, Integer year, String leadUnit, String q) {
        return new ApplicationFilter(QueryParams.enumValue(ApplicationStatus.class, "status", status), year, leadUnit,
                q);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("application.not-found", id));
    }
}
