package cn.org.kczg.teams.evaluation.sanction;

import cn.org.kczg.teams.evaluation.sanction.SanctionDtos.SanctionView;
import cn.org.kczg.teams.evaluation.sanction.SanctionDtos.SeriousProblem;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 20: serious scientific, political or legal problems — a three-year ban and disqualification. */
@Path("/api/v1/sanctions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sanctions (Art. 20)")
public class SanctionResource {
    @Inject
    SanctionService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SanctionView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response record(@NotNull @Valid SeriousProblem request) {
        SanctionView recorded = service.record(caller.get(), request);
        return Created.at("/api/v1/sanctions/" + recorded.id(), recorded);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public SanctionView get(@PathParam("id") UUID id) {
        return Sanction.<Sanction>findByIdOptional(id).map(SanctionView::of)
                .orElseThrow(() -> ProblemException.notFound("No sanction " + id + "."));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Page<SanctionView> list(@QueryParam("leadUnit") String leadUnit, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return service.list(leadUnit, PageRequest.of(page, size, null, Map.of("decidedAt", "decidedAt"),
                "decidedAt,desc"));
    }
}
