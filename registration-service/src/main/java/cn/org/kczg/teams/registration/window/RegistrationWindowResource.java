package cn.org.kczg.teams.registration.window;

import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/registration-windows")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registration windows", description = "Art. 3: the platform opens registration windows (注册窗口) for "
        + "team applications; applications are submitted only while one is open, and an operator may close one early.")
public class RegistrationWindowResource {
    private static final Map<String, String> SORTABLE = Map.of("opensAt", "opensAt", "year", "year");

    @Inject
    RegistrationWindowService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "openRegistrationWindow", summary = "Open a registration window",
            description = "Schedules a registration window of a year (Art. 3) from opensAt to closesAt; windows of one "
                    + "year must not overlap.")
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WindowView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Conflict: `window-overlap` when another window of the same year "
            + "overlaps this one.")
    public Response open(@NotNull @Valid OpenWindow request) {
        WindowView created = service.open(caller.get(), request);
        return Created.at("/api/v1/registration-windows/" + created.id().toString(), created);
    }

    @GET
    @Authenticated
    @Operation(operationId = "listRegistrationWindows", summary = "List registration windows",
            description = "Registration windows page by page, optionally of one year; sortable by opensAt and year "
                    + "(default opensAt,desc).")
    public Page<WindowView> list(
            @Parameter(description = "Only windows of this registration year.") @QueryParam("year") Integer year,
            @Parameter(description = "The page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "The page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "field,direction: opensAt or year; asc or desc.") @QueryParam("sort") String sort) {
        return service.list(year, PageRequest.of(page, size, sort, SORTABLE, "opensAt,desc"));
    }

    @GET
    @Path("/current")
    @Authenticated
    @Operation(operationId = "getCurrentRegistrationWindow", summary = "Read the open registration window",
            description = "The registration window open now (Art. 3), in which applications can be submitted.")
    @APIResponse(responseCode = "404", description = "No registration window is open now.")
    @APIResponse(responseCode = "200", description = "The window open now.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WindowView.class)))
    public WindowView current() {
        return service.current().orElseThrow(() -> ProblemException.notFound(Text.of("window.none-now")));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getRegistrationWindow", summary = "Read a registration window",
            description = "One registration window, and whether it is open now.")
    @APIResponse(responseCode = "404", description = "No such registration window.")
    @APIResponse(responseCode = "200", description = "The window.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WindowView.class)))
    public WindowView get(@Parameter(description = "The window's id.") @PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound(Text.of("window.not-found", id)));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "closeRegistrationWindow", summary = "Close a registration window early",
            description = "Closes an open registration window now, with an optional reason kept in its history; "
                    + "submissions are refused from then on.")
    @APIResponse(responseCode = "404", description = "No such registration window.")
    @APIResponse(responseCode = "409", description = "Conflict: `window-not-open` when the window is not open now.")
    @APIResponse(responseCode = "200", description = "The window, now closed.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WindowView.class)))
    public WindowView close(@Parameter(description = "The window's id.") @PathParam("id") UUID id,
            @Valid Reason reason) {
        return service.closeEarly(caller.get(), id, reason == null ? null : reason.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("window.not-found", id)));
    }
}
