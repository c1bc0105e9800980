package cn.org.kczg.teams.review.ban;

import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.RequiredReason;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/bans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bans", description = "Art. 20: lead units that may not apply for three years after a team's serious "
        + "scientific, political or legal problem; recorded by operators or following evaluation-service's decisions, "
        + "and checked by every qualification review.")
public class BanResource {
    @Inject
    BanService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "recordBan", summary = "Record a ban",
            description = "Bans a lead unit from applying for three years from `since` (Art. 20), announced as "
                    + "lead-unit.banned so registration refuses the unit's submissions meanwhile; applications already "
                    + "under review fail the BAN check.")
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BanView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response record(@NotNull @Valid RecordBan request) {
        BanView recorded = service.record(caller.get(), request);
        return Created.at("/api/v1/bans/" + recorded.id(), recorded);
    }

    @POST
    @Path("/{id}/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "liftBan", summary = "Lift a ban",
            description = "Issue 21: the ban no longer holds — an operator's own ban or one following a team's "
                    + "sanction — announced as lead-unit.ban-lifted, so registration accepts the lead unit's "
                    + "submissions again and evaluation-service marks the sanction's ban lifted.")
    @APIResponse(responseCode = "200", description = "The lifted ban.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BanView.class)))
    @APIResponse(responseCode = "404", description = "No such ban (code `not-found`).")
    @APIResponse(responseCode = "409", description = "Conflict: `ban-lifted` when the ban was lifted already.")
    public BanView lift(@Parameter(description = "The ban's id.") @PathParam("id") UUID id,
            @NotNull @Valid RequiredReason body) {
        return service.lift(caller.get(), id, body.reason())
                .orElseThrow(() -> ProblemException.notFound(Text.of("ban.not-found", id)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER})
    @Operation(operationId = "getBan", summary = "Get a ban",
            description = "One ban (Art. 20), and whether it is in force today.")
    @APIResponse(responseCode = "200", description = "The ban.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BanView.class)))
    @APIResponse(responseCode = "404", description = "No such ban (code `not-found`).")
    public BanView get(@Parameter(description = "The ban's id.") @PathParam("id") UUID id) {
        return service.get(id).orElseThrow(() -> ProblemException.notFound(Text.of("ban.not-found", id)));
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.REVIEWER})
    @Operation(operationId = "listBans", summary = "List bans",
            description = "The bans, latest first by default, optionally of one lead unit or only those in force (or "
                    + "not) today.")
    public Page<BanView> list(
            @Parameter(description = "Only the bans of the lead unit with this unified social credit code.",
                    example = "511000005000123452")
            @QueryParam("creditCode") String creditCode,
            @Parameter(description = "true: only bans in force today; false: only those not (yet or any more) in "
                    + "force.")
            @QueryParam("inForce") Boolean inForce,
            @Parameter(description = "The page, from 0 (default 0).", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Bans per page, 1 to 100 (default 20).", example = "20") @QueryParam("size")
            Integer size,
            @Parameter(description = "Sort order: field,direction pairs separated by ';' over since and until. "
                    + "Default: since,desc.", example = "until,asc")
            @QueryParam("sort") String sort) {
        return service.list(creditCode, inForce,
                PageRequest.of(page, size, sort, Map.of("since", "since", "until", "until"), "since,desc"));
    }
}
