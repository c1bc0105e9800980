package cn.org.kczg.teams.activity.library;

import cn.org.kczg.teams.activity.library.LibraryService.Draft;
import cn.org.kczg.teams.activity.library.LibraryService.EntryView;
import cn.org.kczg.teams.activity.library.LibraryService.LibraryFilter;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
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
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** 问题库/项目库/开源库 (Art. 12). */
@Path("/api/v1/library")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Libraries", description = "Art. 12: the problem library (问题库), project library (项目库) and open-source "
        + "library (开源库). A team drafts and submits entries; an operator or reviewer publishes or rejects them; "
        + "published entries are open to every signed-in user, with stable ids and a full change history.")
public class LibraryResource {
    @Inject
    LibraryService service;
    @Inject
    CurrentCaller caller;
    @Inject
    AuditTrail audit;


    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER})
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "createLibraryEntry", summary = "Draft a library entry",
            description = "The team's lead unit or handler creates an entry of the problem, project or open-source "
                    + "library (Art. 12) as a DRAFT. An open-source entry names its https repository and an SPDX "
                    + "licence id.")
    @APIResponse(responseCode = "404", description = "No such team (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `team-not-active` when the team is suspended, revoked "
            + "or disqualified.")
    public Response create(@NotNull @Valid Draft draft) {
        EntryView created = service.create(caller.get(), draft);
        return Created.at("/api/v1/library/" + created.id().toString(), created);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "updateLibraryEntry", summary = "Edit a library entry",
            description = "The owning team changes a DRAFT or REJECTED entry with a JSON Merge Patch (RFC 7396, as "
                    + "application/merge-patch+json or application/json): a field left out stays as it is, null "
                    + "clears it. An open-source entry keeps an https repository and an SPDX licence id.")
    @RequestBody(required = true, description = "The changes, as a JSON Merge Patch of the entry's editable fields.",
            content = {
                @Content(mediaType = "application/merge-patch+json",
                        schema = @Schema(implementation = LibraryEntryPatch.class)),
                @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = LibraryEntryPatch.class))})
    @APIResponse(responseCode = "200", description = "The entry as changed.")
    @APIResponse(responseCode = "404", description = "No such library entry (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-editable` when the entry is SUBMITTED or "
            + "PUBLISHED.")
    public EntryView edit(@Parameter(description = "The library entry's id.") @PathParam("id") UUID id,
            JsonNode patch) throws JsonProcessingException {
        return service.edit(caller.get(), id, patch).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER})
    @Operation(operationId = "submitLibraryEntry", summary = "Submit a library entry for publication",
            description = "The owning team submits a DRAFT or REJECTED entry: it becomes SUBMITTED and waits for an "
                    + "operator or reviewer.")
    @APIResponse(responseCode = "200", description = "The entry, now SUBMITTED.")
    @APIResponse(responseCode = "404", description = "No such library entry (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the entry is not DRAFT or "
            + "REJECTED.")
    public EntryView submit(@Parameter(description = "The library entry's id.") @PathParam("id") UUID id) {
        return service.submit(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.OPERATOR, Roles.REVIEWER})
    @Operation(operationId = "publishLibraryEntry", summary = "Publish a library entry",
            description = "An operator or reviewer publishes a SUBMITTED entry: it becomes PUBLISHED and visible to "
                    + "every signed-in user.")
    @APIResponse(responseCode = "200", description = "The entry, now PUBLISHED.")
    @APIResponse(responseCode = "404", description = "No such library entry.")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the entry is not SUBMITTED.")
    public EntryView publish(@Parameter(description = "The library entry's id.") @PathParam("id") UUID id) {
        return service.publish(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.REVIEWER})
    @Operation(operationId = "rejectLibraryEntry", summary = "Reject a library entry",
            description = "An operator or reviewer rejects a SUBMITTED entry with a reason: it becomes REJECTED, and "
                    + "the team may edit it and submit it again.")
    @APIResponse(responseCode = "200", description = "The entry, now REJECTED.")
    @APIResponse(responseCode = "404", description = "No such library entry.")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the entry is not SUBMITTED.")
    public EntryView reject(@Parameter(description = "The library entry's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.reject(caller.get(), id, body.reason()).orElseThrow(() -> notFound(id));
    }

    @GET
    @Authenticated
    @Operation(operationId = "searchLibraryEntries", summary = "Search the libraries",
            description = "Searches the problem, project and open-source libraries: published entries for every "
                    + "signed-in user, plus the caller's own teams' entries in any status (all entries for operators, "
                    + "reviewers and auditors). Text is found anywhere in the title or description.")
    public Page<EntryView> search(
            @Parameter(description = "Text found in the title or description, e.g. 芯片.") @QueryParam("q") String q,
            @Parameter(description = "Only entries of this library.",
                    schema = @Schema(implementation = LibraryEntry.Kind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "Only entries of exactly this industry field.")
            @QueryParam("industryField") String industryField,
            @Parameter(description = "Only entries of exactly this region.") @QueryParam("region") String region,
            @Parameter(description = "Only entries in this status.",
                    schema = @Schema(implementation = LibraryEntry.Status.class)) @QueryParam("status") String status,
            @Parameter(description = "Only entries of this team.") @QueryParam("teamId") UUID teamId,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "Page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "Sort as `field,asc|desc`: updatedAt, publishedAt or title (default "
                    + "updatedAt,desc).") @QueryParam("sort") String sort) {
        var filter = new LibraryFilter(q, QueryParams.enumValue(LibraryEntry.Kind.class, "kind", kind), industryField,
                region, QueryParams.enumValue(LibraryEntry.Status.class, "status", status), teamId);
        return service.search(caller.get(), filter, PageRequest.of(page, size, sort,
                Map.of("updatedAt", "updatedAt", "publishedAt", "publishedAt", "title", "title"), "updatedAt,desc"));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getLibraryEntry", summary = "Read a library entry",
            description = "One library entry: any signed-in user reads a published entry; unpublished ones are for the "
                    + "owning team and the staff.")
    @APIResponse(responseCode = "200", description = "The library entry.")
    @APIResponse(responseCode = "404", description = "No such library entry (or not yours).")
    public EntryView get(@Parameter(description = "The library entry's id.") @PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    /** Stable ids and history: every change of the entry, oldest first. */
    @GET
    @Path("/{id}/history")
    @Authenticated
    @Operation(operationId = "listLibraryEntryHistory", summary = "Read a library entry's history",
            description = "Every change of the entry from the audit trail, oldest first: created, edited, submitted, "
                    + "published, rejected, with who, when and why.")
    @APIResponse(responseCode = "200", description = "The entry's changes, oldest first.")
    @APIResponse(responseCode = "404", description = "No such library entry (or not yours).")
    public List<HistoryEntry> history(@Parameter(description = "The library entry's id.") @PathParam("id") UUID id) {
        service.find(caller.get(), id).orElseThrow(() -> notFound(id));
        return audit.history(LibraryService.AGGREGATE, id.toString());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("library.not-found", id));
    }
}
