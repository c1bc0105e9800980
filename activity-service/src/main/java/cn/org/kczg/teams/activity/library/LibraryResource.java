package cn.org.kczg.teams.activity.library;

import cn.org.kczg.teams.activity.library.LibraryService.Draft;
import cn.org.kczg.teams.activity.library.LibraryService.Edit;
import cn.org.kczg.teams.activity.library.LibraryService.EntryView;
import cn.org.kczg.teams.activity.library.LibraryService.LibraryFilter;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.RequiredReason;
import cn.org.kczg.teams.platform.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 问题库/项目库/开源库 (Art. 12). */
@Path("/api/v1/library")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Libraries (Art. 12)")
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
    public Response create(@NotNull @Valid Draft draft) {
        EntryView created = service.create(caller.get(), draft);
        return Created.at("/api/v1/library/" + created.id().toString(), created);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER})
    public EntryView edit(@PathParam("id") UUID id, @NotNull @Valid Edit edit) {
        return service.edit(caller.get(), id, edit).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER})
    public EntryView submit(@PathParam("id") UUID id) {
        return service.submit(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.OPERATOR, Roles.REVIEWER})
    public EntryView publish(@PathParam("id") UUID id) {
        return service.publish(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.REVIEWER})
    public EntryView reject(@PathParam("id") UUID id, @NotNull @Valid RequiredReason body) {
        return service.reject(caller.get(), id, body.reason()).orElseThrow(() -> notFound(id));
    }

    @GET
    @Authenticated
    public Page<EntryView> search(@QueryParam("q") String q, @QueryParam("kind") String kind,
            @QueryParam("industryField") String industryField, @QueryParam("region") String region,
            @QueryParam("status") String status, @QueryParam("teamId") UUID teamId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        var filter = new LibraryFilter(q, QueryParams.enumValue(LibraryEntry.Kind.class, "kind", kind), industryField,
                region, QueryParams.enumValue(LibraryEntry.Status.class, "status", status), teamId);
        return service.search(caller.get(), filter, PageRequest.of(page, size, sort,
                Map.of("updatedAt", "updatedAt", "publishedAt", "publishedAt", "title", "title"), "updatedAt,desc"));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public EntryView get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    /** Stable ids and history: every change of the entry, oldest first. */
    @GET
    @Path("/{id}/history")
    @Authenticated
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        service.find(caller.get(), id).orElseThrow(() -> notFound(id));
        return audit.history(LibraryService.AGGREGATE, id.toString());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No library entry " + id + ".");
    }
}
