package cn.org.kczg.teams.evaluation.metric;

import cn.org.kczg.teams.evaluation.metric.TeamMetricsService.MetricContribution;
import cn.org.kczg.teams.evaluation.metric.TeamMetricsService.TeamMetrics;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Per-team yearly metrics with their drill-down to events (Art. 21: what auditors check). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Team metrics", description = "Art. 18, 21: every metric of the catalogue per service team and year, as "
        + "computed from the services' events, with the drill-down to the events behind each value — what the "
        + "indicators score and what the third-party auditor checks.")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT, Roles.HANDLER})
public class TeamMetricsResource {
    private static final String TEAM = "The service team's id.";
    private static final String YEAR = "The year, e.g. 2026.";
    private static final String NO_TEAM = "No such team (or not yours).";

    @Inject
    TeamMetricsService service;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("/teams/{id}/metrics/{year}")
    @Operation(operationId = "getTeamMetrics", summary = "Get a team's metric values for a year",
            description = "Art. 18, 21: the team's value of every catalogue metric in the year; a rate with nothing "
                    + "to count is not applicable. Lead units and handlers see their own teams only.")
    @APIResponse(responseCode = "200", description = "The team's metric values.")
    @APIResponse(responseCode = "404", description = NO_TEAM)
    public TeamMetrics metrics(@Parameter(description = TEAM) @PathParam("id") UUID teamId,
            @Parameter(description = YEAR) @PathParam("year") int year) {
        return service.metrics(caller.get(), teamId, year).orElseThrow(() -> noTeam(teamId));
    }

    /** The events behind one metric value, oldest first. */
    @GET
    @Path("/teams/{id}/metrics/{year}/{metric}")
    @Operation(operationId = "listMetricContributions", summary = "List the events behind a team's metric value",
            description = "Art. 21: the events (activity reports, tickets, uploads …) that make up one metric value "
                    + "of the team in the year, oldest first, so an auditor can check it.")
    @APIResponse(responseCode = "200", description = "A page of the events behind the value.")
    @APIResponse(responseCode = "404", description = "No such team (or not yours), or no such metric in the catalogue.")
    public Page<MetricContribution> contributions(@Parameter(description = TEAM) @PathParam("id") UUID teamId,
            @Parameter(description = YEAR) @PathParam("year") int year,
            @Parameter(description = "The metric's code, from GET /api/v1/indicator-systems/metrics.",
                    example = "activities") @PathParam("metric") String code,
            @Parameter(description = "Zero-based page number (default 0).") @QueryParam("page") Integer page,
            @Parameter(description = "Items per page, 1–100 (default 20).") @QueryParam("size") Integer size) {
        Metric metric = MetricCatalogue.find(code)
                .orElseThrow(() -> ProblemException.notFound(Text.of("metric.not-found", code)));
        PageRequest request = PageRequest.of(page, size, null, Map.of("occurredAt", "occurredAt"), "occurredAt");
        return service.contributions(caller.get(), teamId, year, metric, request)
                .orElseThrow(() -> noTeam(teamId));
    }

    private static ProblemException noTeam(UUID teamId) {
        return ProblemException.notFound(Text.of("team.not-found", teamId));
    }
}
