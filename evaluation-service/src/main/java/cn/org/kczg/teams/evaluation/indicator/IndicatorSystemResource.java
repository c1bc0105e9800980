package cn.org.kczg.teams.evaluation.indicator;

import cn.org.kczg.teams.evaluation.indicator.IndicatorSystemService.SystemView;
import cn.org.kczg.teams.evaluation.metric.Metric;
import cn.org.kczg.teams.evaluation.metric.MetricCatalogue;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Art. 18: the operator keeps the indicator system per year; everyone staff-side may read it. */
@Path("/api/v1/indicator-systems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicator systems (Art. 18)")
public class IndicatorSystemResource {
    @Inject
    IndicatorSystemService service;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER, Roles.LEAD_UNIT, Roles.HANDLER})
    public Page<SystemView> list(@QueryParam("year") Integer year, @QueryParam("status") String status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return service.list(year, QueryParams.enumValue(IndicatorSystem.Status.class, "status", status), staff(),
                PageRequest.of(page, size, sort, Map.of("year", "year", "version", "version"), "year,desc;version,desc"));
    }

    /** Operators and auditors see drafts; everyone else only what is published. */
    private boolean staff() {
        return caller.get().isAny(Roles.OPERATOR, Roles.AUDITOR);
    }

    /** The metric catalogue an indicator may read. */
    @GET
    @Path("/metrics")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER, Roles.LEAD_UNIT, Roles.HANDLER})
    public List<Metric> catalogue() {
        return MetricCatalogue.all();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER, Roles.LEAD_UNIT, Roles.HANDLER})
    public SystemView get(@PathParam("id") UUID id) {
        return service.find(id, staff()).orElseThrow(() -> notFound(id));
    }

    /** Who created, replaced and published this version, and when. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SystemView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response create(@NotNull @Valid SystemDraft draft) {
        SystemView view = service.create(caller.get(), draft);
        return Created.at("/api/v1/indicator-systems/" + view.id(), view);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public SystemView replace(@PathParam("id") UUID id, @NotNull @Valid SystemDraft draft) {
        return service.replace(caller.get(), id, draft).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.OPERATOR)
    public SystemView publish(@PathParam("id") UUID id) {
        return service.publish(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "204", description = "The draft is deleted.")
    public Response delete(@PathParam("id") UUID id) {
        if (!service.deleteDraft(caller.get(), id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No indicator system " + id + ".");
    }
}
