package cn.org.kczg.teams.registration.team;

import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.registration.team.TeamDtos.PublicTeamView;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 15: the public sees the live teams (no token needed), without contact data. */
@Path("/api/v1/public/teams")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public team directory", description = "Art. 15: anyone, without a token, sees the live 科创中国 service "
        + "teams (ACTIVE or SUSPENDED), without contact data.")
public class PublicTeamResource {
    @Inject
    TeamService service;

    @GET
    @Operation(operationId = "listPublicTeams", summary = "List live teams publicly",
            description = "The live service teams page by page for anyone (Art. 15), without phones, e-mails or user "
                    + "ids; filtered by category, pilot city, lead unit, year and a keyword, sortable by name, "
                    + "activatedAt and year (default activatedAt,desc).")
    public Page<PublicTeamView> list(
            @Parameter(description = "Only teams offering this Art. 11 service category.",
                    schema = @Schema(implementation = ServiceCategory.class)) @QueryParam("category") String category,
            @Parameter(description = "Only teams serving this pilot city or park (exact name).", example = "苏州市")
            @QueryParam("pilotCity") String pilotCity,
            @Parameter(description = "Only teams of this lead unit (its unified social credit code).")
            @QueryParam("leadUnit") String leadUnit,
            @Parameter(description = "Only teams approved in this registration year.") @QueryParam("year") Integer year,
            @Parameter(description = "A keyword found in the team name, the lead unit's name or the service content.")
            @QueryParam("q") String q,
            @Parameter(description = "The page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "The page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "field,direction: name, activatedAt or year; asc or desc.")
            @QueryParam("sort") String sort) {
        return service.publicList(TeamResource.filter(null, category, pilotCity, leadUnit, year, q),
                PageRequest.of(page, size, sort, TeamResource.SORTABLE, "activatedAt,desc"));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPublicTeam", summary = "Read a live team publicly",
            description = "One live service team for anyone (Art. 15), without contact data; revoked and disqualified "
                    + "teams are not found.")
    @APIResponse(responseCode = "404", description = "No such live team.")
    @APIResponse(responseCode = "200", description = "The live team.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublicTeamView.class)))
    public PublicTeamView get(@Parameter(description = "The team's id.") @PathParam("id") UUID id) {
        return service.publicFind(id).orElseThrow(() -> TeamResource.notFound(id));
    }
}
