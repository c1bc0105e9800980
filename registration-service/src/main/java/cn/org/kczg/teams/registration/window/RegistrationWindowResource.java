package cn.org.kczg.teams.registration.window;

import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.Reason;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.window.WindowDtos.OpenWindow;
import cn.org.kczg.teams.registration.window.WindowDtos.WindowView;
import io.quarkus.security.Authenticated;
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

@Path("/api/v1/registration-windows")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registration windows (Art. 3)")
public class RegistrationWindowResource {
    private static final Map<String, String> SORTABLE = Map.of("opensAt", "opensAt", "year", "year");

    @Inject
    RegistrationWindowService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WindowView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response open(@NotNull @Valid OpenWindow request) {
        WindowView created = service.open(caller.get(), request);
        return Created.at("/api/v1/registration-windows/" + created.id().toString(), created);
    }

    @GET
    @Authenticated
    public Page<WindowView> list(@QueryParam("year") Integer year, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return service.list(year, PageRequest.of(page, size, sort, SORTABLE, "opensAt,desc"));
    }

    @GET
    @Path("/current")
    @Authenticated
    public WindowView current() {
        return service.current().orElseThrow(() -> ProblemException.notFound(
                "No registration window is open now."));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    public WindowView get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("No registration window " + id + "."));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.OPERATOR)
    public WindowView close(@PathParam("id") UUID id, @Valid Reason reason) {
        return service.closeEarly(caller.get(), id, reason == null ? null : reason.reason())
                .orElseThrow(() -> ProblemException.notFound("No registration window " + id + "."));
    }
}
