package cn.org.kczg.teams.registration.team;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 15: the public sees the live teams (no token needed), without contact data. */
@Path("/api/v1/public/teams")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Public (Art. 15)")
public class PublicTeamResource {
    @Inject
    TeamService service;

    @GET
    public Page<PublicTeamView> list(@QueryParam("category") String category,
            @QueryParam("pilotCity") String pilotCity, @QueryParam("leadUnit") String leadUnit,
            @QueryParam("year") Integer year, @QueryParam("q") String q, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return service.publicList(TeamResource.filter(null, category, pilotCity, leadUnit, year, q),
                PageRequest.of(page, size, sort, TeamResource.SORTABLE, "activatedAt,desc"));
    }

    @GET
    @Path("/{id}")
    public PublicTeamView get(@PathParam("id") UUID id) {
        return service.publicFind(id).orElseThrow(() -> TeamResource.notFound(id));
    }
}
