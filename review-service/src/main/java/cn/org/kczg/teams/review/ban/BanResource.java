package cn.org.kczg.teams.review.ban;

import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.review.ban.BanDtos.BanView;
import cn.org.kczg.teams.review.ban.BanDtos.RecordBan;
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

@Path("/api/v1/bans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bans (Art. 20)")
public class BanResource {
    @Inject
    BanService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BanView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response record(@NotNull @Valid RecordBan request) {
        BanView recorded = service.record(caller.get(), request);
        return Created.at("/api/v1/bans/" + recorded.id(), recorded);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER})
    public BanView get(@PathParam("id") UUID id) {
        return service.get(id).orElseThrow(() -> ProblemException.notFound("No ban " + id + "."));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER})
    public Page<BanView> list(@QueryParam("creditCode") String creditCode, @QueryParam("inForce") Boolean inForce,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return service.list(creditCode, inForce,
                PageRequest.of(page, size, sort, Map.of("since", "since", "until", "until"), "since,desc"));
    }
}
