package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Qualification review", description = "The qualification review of team applications (Art. 3): "
        + "automatic checks of eligibility (Art. 5), bans (Art. 20), quotas (Art. 8) and completeness, a queue ordered "
        + "by Art. 9 priority, and the reviewer's decision.")
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
    @Operation(operationId = "listReviewCases", summary = "List review cases",
            description = "The review queue, one page at a time: by default the PENDING cases, highest Art. 9 "
                    + "priority first, then the earliest submitted. A lead unit sees only its own cases.")
    public Page<ReviewView> list(
            @Parameter(description = "Only cases in this status; ANY for every status. Default: PENDING, or any "
                    + "status when applicationId is given.", schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"PENDING", "CHANGES_REQUESTED", "APPROVED", "REJECTED", "WITHDRAWN",
                                    "ANY"}))
            @QueryParam("status") String status,
            @Parameter(description = "Only applications for this year.", example = "2026")
            @QueryParam("year") Integer year,
            @Parameter(description = "Only lead units of this Art. 5 category.",
                    schema = @Schema(implementation = LeadUnitCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = "Only the cases of the lead unit with this unified social credit code.",
                    example = "511000005000123452")
            @QueryParam("leadUnit") String leadUnit,
            @Parameter(description = "Only the case of this application.") @QueryParam("applicationId")
            UUID applicationId,
            @Parameter(description = "The page, from 0 (default 0).", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Cases per page, 1 to 100 (default 20).", example = "20") @QueryParam("size")
            Integer size,
            @Parameter(description = "Sort order: field,direction pairs separated by ';' over priority, submittedAt "
                    + "and decidedAt. Default: priority,desc;submittedAt,asc.", example = "submittedAt,desc")
            @QueryParam("sort") String sort) {
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
    @Operation(operationId = "getReviewCase", summary = "Get a review case",
            description = "One review case with its automatic checks, priority, claimant and decision. A lead unit "
                    + "reads only its own.")
    @APIResponse(responseCode = "200", description = "The review case.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review case (or not yours; code `not-found`).")
    public ReviewView get(@Parameter(description = "The review case's id.") @PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "claimReviewCase", summary = "Claim a review case",
            description = "The calling reviewer takes a PENDING case, and only they may decide it. Nobody reviews "
                    + "their own organisation (Art. 3): a reviewer of the applying lead unit is refused (403).")
    @APIResponse(responseCode = "200", description = "Claimed: the case with its claimant.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "403", description = "Forbidden (code `forbidden`): the caller belongs to the "
            + "applying lead unit (conflict of interest, Art. 3).")
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "409", description = "Conflict: `already-claimed` when another reviewer holds the case "
            + "(an operator can reassign it); `not-pending` when the case is no longer PENDING.")
    public ReviewView claim(@Parameter(description = "The review case's id.") @PathParam("id") UUID id) {
        return service.claim(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "assignReviewCase", summary = "Assign a review case to a reviewer",
            description = "An operator gives a PENDING case to a reviewer, replacing any claimant. The conflict-of-"
                    + "interest rule (Art. 3) is checked again when that reviewer decides.")
    @APIResponse(responseCode = "200", description = "Assigned: the case with its new claimant.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the case is no longer PENDING.")
    public ReviewView assign(@Parameter(description = "The review case's id.") @PathParam("id") UUID id,
            @NotNull @Valid Reassign body) {
        return service.reassign(caller.get(), id, body.reviewer()).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "approveReviewCase", summary = "Approve an application",
            description = "The claimant approves a PENDING case: APPROVED, announced as review.decided so registration "
                    + "activates the team. A failed QUOTA check (Art. 8 \"in principle\") or "
                    + "ELIGIBILITY check (Art. 5's list ends in 等) may be overridden with a written reason of at least "
                    + "20 characters, named in the decision's overrides; failed BAN (Art. 20) or COMPLETENESS checks "
                    + "block approval. The body is optional.")
    @APIResponse(responseCode = "200", description = "Approved: the case as decided.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "403", description = "Forbidden (code `forbidden`): the case is not claimed by the "
            + "caller, or the caller belongs to the applying lead unit (conflict of interest, Art. 3).")
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "400", description = "Invalid request (code `validation`): besides the body's "
            + "rules, `reason` is missing or shorter than 20 characters while approving despite a failed QUOTA or "
            + "ELIGIBILITY check.")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the case is not PENDING; "
            + "`stale-version` when `version` is not the case's current one; `check-not-overridable` when BAN or "
            + "COMPLETENESS failed.")
    public ReviewView approve(@Parameter(description = "The review case's id.") @PathParam("id") UUID id,
            @RequestBody(required = false, description = "Optional: the reason and the version decided on.")
            @Valid Decision body) {
        Decision d = body == null ? new Decision(null, null) : body;
        return service.decide(caller.get(), id, ReviewDecided.Decision.APPROVED, d.reason(), d.version())
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "rejectReviewCase", summary = "Reject an application",
            description = "The claimant rejects a PENDING case with a reason: REJECTED, its quota slot (Art. 8) freed, "
                    + "announced as review.decided.")
    @APIResponse(responseCode = "200", description = "Rejected: the case as decided.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "403", description = "Forbidden (code `forbidden`): the case is not claimed by the "
            + "caller, or the caller belongs to the applying lead unit (conflict of interest, Art. 3).")
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the case is not PENDING; "
            + "`stale-version` when `version` is not the case's current one.")
    public ReviewView reject(@Parameter(description = "The review case's id.") @PathParam("id") UUID id,
            @NotNull @Valid ReasonedDecision body) {
        return service.decide(caller.get(), id, ReviewDecided.Decision.REJECTED, body.reason(), body.version())
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "requestReviewChanges", summary = "Request changes to an application",
            description = "The claimant sends a PENDING case back to the lead unit with what must change: "
                    + "CHANGES_REQUESTED until the lead unit resubmits, when the checks run again and the case is "
                    + "PENDING once more. Announced as review.decided.")
    @APIResponse(responseCode = "200", description = "Sent back: the case awaiting the lead unit's resubmission.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "403", description = "Forbidden (code `forbidden`): the case is not claimed by the "
            + "caller, or the caller belongs to the applying lead unit (conflict of interest, Art. 3).")
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the case is not PENDING; "
            + "`stale-version` when `version` is not the case's current one.")
    public ReviewView requestChanges(@Parameter(description = "The review case's id.") @PathParam("id") UUID id,
            @NotNull @Valid ReasonedDecision body) {
        return service.decide(caller.get(), id, ReviewDecided.Decision.CHANGES_REQUESTED, body.reason(),
                body.version()).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("review.not-found", id));
    }
}
