package cn.org.kczg.teams.evaluation.metric;

import cn.org.kczg.teams.evaluation.metric.TeamMetricsService.Contribution;
import cn.org.kczg.teams.evaluation.metric.TeamMetricsService.TeamMetrics;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Per-team yearly metrics with their drill-down to events (Art. 21: what auditors check). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Team metrics (Art. 18, 21)")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
public class TeamMetricsResource {
    @Inject
    TeamMetricsService service;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("/teams/{id}/metrics/{year}")
    public TeamMetrics metrics(@PathParam("id") UUID teamId, @PathParam("year") int year) {
        return service.metrics(caller.get(), teamId, year).orElseThrow(() -> noTeam(teamId));
    }

    /** The events behind one metric value, oldest first. */
    @GET
    @Path("/teams/{id}/metrics/{year}/{metric}")
    public Page<Contribution> contributions(@PathParam("id") UUID teamId, @PathParam("year") int year,
            @PathParam("metric") String code, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Metric metric = MetricCatalogue.find(code)
                .orElseThrow(() -> ProblemException.notFound("No metric " + code + " in the catalogue."));
        PageRequest request = PageRequest.of(page, size, null, Map.of("occurredAt", "occurredAt"), "occurredAt");
        return service.contributions(caller.get(), teamId, year, metric, request)
                .orElseThrow(() -> noTeam(teamId));
    }

    private static ProblemException noTeam(UUID teamId) {
        return ProblemException.notFound("No team " + teamId + ".");
    }
}
