package cn.org.kczg.teams.registration.leadunit;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.LeadUnitView;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.RegisterLeadUnit;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lead-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lead units (牵头单位)")
public class LeadUnitResource {
    private static final Map<String, String> SORTABLE = Map.of(
            "name", "name", "creditCode", "creditCode", "registeredAt", "registeredAt");

    @Inject
    LeadUnitService service;
    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LeadUnitView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response register(@NotNull @Valid RegisterLeadUnit request) {
        LeadUnitView created = service.register(caller.get(), request);
        return Created.at("/api/v1/lead-units/" + created.creditCode(), created);
    }

    @GET
    @Path("/{creditCode}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    public LeadUnitView get(@PathParam("creditCode") String creditCode) {
        return service.find(caller.get(), creditCode)
                .orElseThrow(() -> ProblemException.notFound("No lead unit with credit code " + creditCode + "."));
    }

    @GET
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    public Page<LeadUnitView> list(@QueryParam("category") String category,
            @QueryParam("name") String name, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") String sort) {
        return service.list(caller.get(), QueryParams.enumValue(LeadUnitCategory.class, "category", category), name,
                PageRequest.of(page, size, sort, SORTABLE, "registeredAt,desc"));
    }
}
