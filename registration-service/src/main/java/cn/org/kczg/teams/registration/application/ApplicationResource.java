package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.Reason;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.application.ApplicationDtos.ApplicationDraft;
import cn.org.kczg.teams.registration.application.ApplicationDtos.ApplicationView;
import cn.org.kczg.teams.registration.application.ApplicationService.ApplicationFilter;
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

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Team applications (Art. 3–9, 12, 14)")
public class ApplicationResource {
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "submittedAt", "submittedAt", "name", "name");

    @Inject
    ApplicationService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response create(@NotNull @Valid ApplicationDraft draft) {
        ApplicationView created = service.create(caller.get(), draft);
        return Created.at("/api/v1/applications/" + created.id().toString(), created);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    public ApplicationView update(@PathParam("id") UUID id, @NotNull @Valid ApplicationDraft patch) {
        return service.update(caller.get(), id, patch).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    public ApplicationView submit(@PathParam("id") UUID id) {
        return service.submit(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    public ApplicationView withdraw(@PathParam("id") UUID id, @Valid Reason reason) {
        return service.withdraw(caller.get(), id, reason == null ? null : reason.reason())
                .orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    public ApplicationView get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @GET
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    public Page<ApplicationView> list(@QueryParam("status") String status, @QueryParam("year") Integer year,
            @QueryParam("leadUnit") String leadUnit, @QueryParam("q") String q, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        var filter = new ApplicationFilter(QueryParams.enumValue(ApplicationStatus.class, "status", status), year,
                leadUnit, q);
        return service.list(caller.get(), filter, PageRequest.of(page, size, sort, SORTABLE, "updatedAt,desc"));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No application " + id + ".");
    }
}
