package cn.org.kczg.teams.activity.report;

import cn.org.kczg.teams.activity.report.ActivityReportService.ActivityFilter;
import cn.org.kczg.teams.activity.report.ReportDtos.ActivityView;
import cn.org.kczg.teams.activity.report.ReportDtos.Outcome;
import cn.org.kczg.teams.activity.report.ReportDtos.ReportActivity;
import cn.org.kczg.teams.activity.report.ReportDtos.ViolationView;
import cn.org.kczg.teams.events.activity.ActivityForm;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.Created;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
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

/** Activity reports (Art. 10, 11, 16) and the fee violations they raise. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity reports and the non-profit rule (Art. 10, 11, 16)")
public class ActivityReportResource {
    @Inject
    ActivityReportService service;
    @Inject
    CurrentCaller caller;

    @POST
    @Path("/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER})
    @APIResponse(responseCode = "201", description = "Created; Location names where it is read.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response report(@NotNull @Valid ReportActivity request) {
        ActivityView created = service.report(caller.get(), request);
        return Created.at("/api/v1/activities/" + created.id().toString(), created);
    }

    @GET
    @Path("/activities")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    public Page<ActivityView> list(@QueryParam("teamId") UUID teamId, @QueryParam("year") Integer year,
            @QueryParam("category") String category, @QueryParam("form") String form,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        ServiceCategory c = QueryParams.enumValue(ServiceCategory.class, "category", category);
        var filter = new ActivityFilter(teamId, year, c == null ? null : c.name(),
                QueryParams.enumValue(ActivityForm.class, "form", form));
        return service.list(caller.get(), filter, PageRequest.of(page, size, sort,
                Map.of("startDate", "startDate", "reportedAt", "reportedAt"), "startDate,desc"));
    }

    @GET
    @Path("/activities/{id}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.AUDITOR})
    public ActivityView get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> ProblemException.notFound("No activity " + id + "."));
    }

    @GET
    @Path("/fee-violations")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Page<ViolationView> violations(@QueryParam("status") String status, @QueryParam("teamId") UUID teamId,
            @QueryParam("year") Integer year, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("sort") String sort) {
        return service.violations(QueryParams.enumValue(FeeViolation.Status.class, "status", status), teamId, year,
                PageRequest.of(page, size, sort, Map.of("flaggedAt", "flaggedAt", "amount", "amount"), "flaggedAt,desc"));
    }

    @POST
    @Path("/fee-violations/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public ViolationView decide(@PathParam("id") UUID id, @NotNull @Valid Outcome body) {
        return service.decide(caller.get(), id, body.outcome(), body.reason())
                .orElseThrow(() -> ProblemException.notFound("No fee violation " + id + "."));
    }
}
