package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.review.review.ReviewCaseService.ReviewFilter;
import cn.org.kczg.teams.review.review.ReviewDtos.Decision;
import cn.org.kczg.teams.review.review.ReviewDtos.ReasonedDecision;
import cn.org.kczg.teams.review.review.ReviewDtos.Reassign;
import cn.org.kczg.teams.review.review.ReviewDtos.ReviewView;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Qualification review (Art. 3, 5, 8, 9, 20)")
public class ReviewResource {
    private static final Map<String, String> SORTABLE = Map.of("priority", "priority", "submittedAt", "submittedAt",
            "decidedAt", "decidedAt");

    @Inject
    ReviewCaseService service;
    @Inject
    CurrentCaller caller;

    /** The queue: by default pending cases, highest priority first, then the earliest submitted. */
    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT})
    public Page<ReviewView> list(@QueryParam("status") String status, @QueryParam("year") Integer year,
            @QueryParam("category") String category, @QueryParam("leadUnit") String leadUnit,
            @QueryParam("applicationId") UUID applicationId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size, @QueryParam("sort") String sort) {
        ReviewStatus wanted = "ANY".equalsIgnoreCase(status) ? null
                : status == null && applicationId == null ? ReviewStatus.PENDING
                : QueryParams.enumValue(ReviewStatus.class, "status", status);
        var filter = new ReviewFilter(wanted, year, QueryParams.enumValue(LeadUnitCategory.class, "category", category),
                leadUnit, applicationId);
        return service.list(caller.get(), filter,
                PageRequest.of(page, size, sort, SORTABLE, "priority,desc;submittedAt,asc"));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT})
    public ReviewView get(@PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(Roles.REVIEWER)
    public ReviewView claim(@PathParam("id") UUID id) {
        return service.claim(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public ReviewView assign(@PathParam("id") UUID id, @NotNull @Valid Reassign body) {
        return service.reassign(caller.get(), id, body.reviewer()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.REVIEWER)
    public ReviewView approve(@PathParam("id") UUID id, @Valid Decision body) {
        Decision d = body == null ? new Decision(null, null) : body;
        return service.decide(caller.get(), id, ReviewDecided.Decision.APPROVED, d.reason(), d.version())
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    public ReviewView reject(@PathParam("id") UUID id, @NotNull @Valid ReasonedDecision body) {
        return service.decide(caller.get(), id, ReviewDecided.Decision.REJECTED, body.reason(), body.version())
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    public ReviewView requestChanges(@PathParam("id") UUID id, @NotNull @Valid ReasonedDecision body) {
        return service.decide(caller.get(), id, ReviewDecided.Decision.CHANGES_REQUESTED, body.reason(),
                body.version()).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No review case " + id + ".");
    }
}
