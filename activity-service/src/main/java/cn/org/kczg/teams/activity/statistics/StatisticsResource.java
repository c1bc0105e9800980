package cn.org.kczg.teams.activity.statistics;

import cn.org.kczg.teams.activity.statistics.StatisticsDtos.ActivityStatistics;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.TeamStatistics;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.TicketStatistics;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.UploadStatistics;
import cn.org.kczg.teams.activity.statistics.StatisticsDtos.VolunteerStatistics;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform-wide figures for the operator and auditors. */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
@Tag(name = "Statistics", description = "Platform-wide figures for the operator and auditors: tickets, activities, "
        + "uploads' completeness, volunteer hours and teams, by year, region and service category.")
public class StatisticsResource {
    private static final String YEAR = "The year, e.g. 2026 (2000–2199; default: the current year in China).";
    private static final String REGION = "Only this region: a ticket's region, an activity's city, a team's pilot city.";
    private static final String CATEGORY = "Only this service category (Art. 11).";

    @Inject
    StatisticsService service;
    @Inject
    Clock clock;

    @GET
    @Path("/tickets")
    @Operation(operationId = "ticketStatistics", summary = "Ticket statistics",
            description = "Demand tickets created in the year (China time): by status, region, asked-for service "
                    + "category, and the teams with the most overdue tickets.")
    public TicketStatistics tickets(@Parameter(description = YEAR) @QueryParam("year") String year,
            @Parameter(description = REGION) @QueryParam("region") String region,
            @Parameter(description = CATEGORY, schema = @Schema(implementation = ServiceCategory.class))
            @QueryParam("category") String category) {
        return service.tickets(StatisticsFilter.of(year, region, category, clock));
    }

    @GET
    @Path("/activities")
    @Operation(operationId = "activityStatistics", summary = "Activity statistics",
            description = "Reported activities of the year (by start date): by service category, city and month.")
    public ActivityStatistics activities(@Parameter(description = YEAR) @QueryParam("year") String year,
            @Parameter(description = REGION) @QueryParam("region") String region,
            @Parameter(description = CATEGORY, schema = @Schema(implementation = ServiceCategory.class))
            @QueryParam("category") String category) {
        return service.activities(StatisticsFilter.of(year, region, category, clock));
    }

    @GET
    @Path("/uploads")
    @Operation(operationId = "uploadStatistics", summary = "Upload completeness",
            description = "For every scheduled upload kind and each of its periods in the year: how many active "
                    + "teams (of the region and category) uploaded, how many on time, and the share (Art. 12).")
    public UploadStatistics uploads(@Parameter(description = YEAR) @QueryParam("year") String year,
            @Parameter(description = "Only teams with this pilot city.") @QueryParam("region") String region,
            @Parameter(description = "Only teams of this service category (Art. 11).",
                    schema = @Schema(implementation = ServiceCategory.class)) @QueryParam("category") String category) {
        return service.uploads(StatisticsFilter.of(year, region, category, clock));
    }

    @GET
    @Path("/volunteers")
    @Operation(operationId = "volunteerStatistics", summary = "Volunteer hours",
            description = "Volunteer participations logged for the year's activities by status, and the confirmed "
                    + "hours by the activity's service category and city (Art. 13).")
    public VolunteerStatistics volunteers(@Parameter(description = YEAR) @QueryParam("year") String year,
            @Parameter(description = "Only activities in this city.") @QueryParam("region") String region,
            @Parameter(description = "Only activities of this service category (Art. 11).",
                    schema = @Schema(implementation = ServiceCategory.class)) @QueryParam("category") String category) {
        return service.volunteers(StatisticsFilter.of(year, region, category, clock));
    }

    @GET
    @Path("/teams")
    @Operation(operationId = "teamStatistics", summary = "Team statistics",
            description = "Teams as they stand now by status, service category and pilot city; the year is checked "
                    + "and echoed but does not narrow (a team's standing is counted as of today).")
    public TeamStatistics teams(@Parameter(description = YEAR) @QueryParam("year") String year,
            @Parameter(description = "Only teams with this pilot city.") @QueryParam("region") String region,
            @Parameter(description = "Only teams of this service category (Art. 11).",
                    schema = @Schema(implementation = ServiceCategory.class)) @QueryParam("category") String category) {
        return service.teams(StatisticsFilter.of(year, region, category, clock));
    }
}
