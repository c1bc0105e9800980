package cn.org.kczg.teams.registration.team;

import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.RequiredReason;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.team.TeamDtos.HandlerChange;
import cn.org.kczg.teams.registration.team.TeamDtos.MembersChange;
import cn.org.kczg.teams.registration.team.TeamDtos.TeamView;
import cn.org.kczg.teams.registration.team.TeamService.TeamFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Teams (Art. 7, 12, 17, 20)")
public class TeamResource {
    static final Map<String, String> SORTABLE = Map.of("name", "name", "activatedAt", "activatedAt", "year", "year");

    @Inject
    TeamService service;
    @Inject
    CurrentCaller caller;

    @GET
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    public Page<TeamView> list(@QueryParam("status") String status, @QueryParam("category") String category,
            @QueryParam("pilotCity") String pilotCity, @QueryParam("leadUnit") String leadUnit,
            @QueryParam("year") Integer year, @QueryParam("q") String q, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        return service.list(caller.get(), filter(status, category, pilotCity, leadUnit, year, q),
                PageRequest.of(page, size, sort, SORTABLE, "activatedAt,desc"));
    }

    static TeamFilter filter(String status, String category, String pilotCity, String leadUnit, Integer year,
            String q) {
        ServiceCategory c = QueryParams.enumValue(ServiceCategory.class, "category", category);
        return new TeamFilter(QueryParams.enumValue(TeamStatus.class, "status", status),
                c == null ? null : c.name(), pilotCity, leadUnit, year, q);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    public TeamView get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public TeamView suspend(@PathParam("id") UUID id, @NotNull @Valid RequiredReason change) {
        return service.changeStatus(caller.get(), id, TeamStatus.SUSPENDED, change.reason())
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/reinstate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public TeamView reinstate(@PathParam("id") UUID id, @NotNull @Valid RequiredReason change) {
        return service.changeStatus(caller.get(), id, TeamStatus.ACTIVE, change.reason())
                .orElseThrow(() -> notFound(id));
    }

    /** Art. 17: revocation of the qualification; the reason is required and kept. */
    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public TeamView revoke(@PathParam("id") UUID id, @NotNull @Valid RequiredReason change) {
        return service.changeStatus(caller.get(), id, TeamStatus.REVOKED, change.reason())
                .orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}/handler")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    public TeamView changeHandler(@PathParam("id") UUID id, @NotNull @Valid HandlerChange change) {
        return service.changeHandler(caller.get(), id, change.contact()).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    public TeamView changeMembers(@PathParam("id") UUID id, @NotNull @Valid MembersChange change) {
        return service.changeMembers(caller.get(), id, change.members()).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No team " + id + ".");
    }
}
