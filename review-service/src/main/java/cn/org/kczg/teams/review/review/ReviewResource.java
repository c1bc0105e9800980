package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.kit.export.ExportNegotiation;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.privacy.PersonalDataRead;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.review.review.ReviewCaseService.ReviewFilter;
import cn.org.kczg.teams.review.review.ReviewCaseService.Scoring;
import cn.org.kczg.teams.review.review.ReviewDtos.CriterionView;
import cn.org.kczg.teams.review.review.ReviewDtos.Decision;
import cn.org.kczg.teams.review.review.ReviewDtos.PanelAssignment;
import cn.org.kczg.teams.review.review.ReviewDtos.ReasonedDecision;
import cn.org.kczg.teams.review.review.ReviewDtos.Reassign;
import cn.org.kczg.teams.review.review.ReviewDtos.ReviewView;
import cn.org.kczg.teams.review.review.ReviewDtos.ScoreSheet;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
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
        + "by Art. 9 priority, and the reviewer's decision — or a panel's scores (Art. 6, 9) and its chair's decision.")
public class ReviewResource {
    private static final Map<String, String> SORTABLE = Map.of("priority", "priority", "submittedAt", "submittedAt",
            "decidedAt", "decidedAt");

    @Inject
    ReviewCaseService service;
    @Inject
    CurrentCaller caller;

    /** The queue: by default pending cases, highest priority first, then the earliest submitted. */
    @GET
    @PersonalDataRead(type = "review-case")
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
        var filter = filter(status, year, category, leadUnit, applicationId);
        return service.list(caller.get(), filter,
                PageRequest.of(page, size, sort, SORTABLE, "priority,desc;submittedAt,asc"));
    }

    /**
     * {@code GET /api/v1/reviews} with {@code Accept: text/csv} or XLSX ({@link ExportNegotiation}): every case the
     * list's filters match, highest priority first, with the panel and its means, for operators and auditors.
     */
    @GET
    @PersonalDataRead(type = "review-case", rows = ReviewView.class)
    @Path("/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response export(@QueryParam("status") String status, @QueryParam("year") Integer year,
            @QueryParam("category") String category, @QueryParam("leadUnit") String leadUnit,
            @QueryParam("applicationId") UUID applicationId, @HeaderParam("Accept") String accept) {
        var filter = filter(status, year, category, leadUnit, applicationId);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "资格审查案件", ReviewExport.COLUMNS,
                () -> service.all(who, filter, Sort.by("priority").descending().and("submittedAt").and("id")));
    }

    private static ReviewFilter filter(String status, Integer year, String category, String leadUnit,
            UUID applicationId) {
        ReviewStatus wanted = "ANY".equalsIgnoreCase(status) ? null
                : status == null && applicationId == null ? ReviewStatus.PENDING
                : QueryParams.enumValue(ReviewStatus.class, "status", status);
        return new ReviewFilter(wanted, year, QueryParams.enumValue(LeadUnitCategory.class, "category", category),
                leadUnit, applicationId);
    }

    @GET
    @Path("/criteria")
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT})
    @Operation(operationId = "listReviewCriteria", summary = "List the review panel's criteria",
            description = "What a review panel scores, 0 to 10 each: the conditions of Art. 6 (service experience, "
                    + "distinctive services, capacity to organise) and the priority parts of Art. 9 (work foundation, "
                    + "resources, continuity, fit with the key fields), each with its stable code and Chinese label. "
                    + "Lead units may read them to know what they are judged on.")
    @APIResponse(responseCode = "200", description = "The criteria, Art. 6 first.", content = @Content(
            mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CriterionView.class)))
    public List<CriterionView> criteria() {
        return Arrays.stream(ReviewCriterion.values()).map(CriterionView::of).toList();
    }

    @GET
    @PersonalDataRead(type = "review-case")
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.LEAD_UNIT})
    @Operation(operationId = "getReviewCase", summary = "Get a review case",
            description = "One review case with its automatic checks, priority, claimant, panel and decision. A lead "
                    + "unit reads only its own. Panel scores: operators, auditors and the chair see every member's; a "
                    + "member sees their own, and the others' and the means once they have scored (or the case is "
                    + "decided); other reviewers and the lead unit see only the means.")
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
    @PersonalDataRead(type = "review-case")
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
    @PersonalDataRead(type = "review-case")
    public ReviewView assign(@Parameter(description = "The review case's id.") @PathParam("id") UUID id,
            @NotNull @Valid Reassign body) {
        return service.reassign(caller.get(), id, body.reviewer()).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}/panel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "appointReviewPanel", summary = "Appoint the review panel of a case",
            description = "An operator appoints 1 to 5 distinct reviewers to an undecided case (PENDING or "
                    + "CHANGES_REQUESTED), one of them the chair, who becomes the claimant and alone decides — once "
                    + "every member not recused has scored. Replacing a panel keeps the scores of the members who stay; "
                    + "each member added is told (review.case-assigned). A reviewer who declared a conflict of interest "
                    + "on the case cannot be appointed to it again.")
    @APIResponse(responseCode = "200", description = "Appointed: the case with its panel.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (code `validation`): `reviewers` missing, empty, "
            + "more than 5 or repeated; `chair` not one of them.")
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the case is decided or withdrawn; "
            + "`recused` when a reviewer named declared a conflict of interest on this case.")
    @PersonalDataRead(type = "review-case")
    public ReviewView appointPanel(@Parameter(description = "The review case's id.") @PathParam("id") UUID id,
            @NotNull @Valid PanelAssignment body) {
        return service.appointPanel(caller.get(), id, body.reviewers(), body.chair()).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(operationId = "scoreReviewCase", summary = "Score a review case as a panel member",
            description = "A member of the case's panel scores it for themself: declares no conflict of interest, "
                    + "gives every criterion of GET /api/v1/reviews/criteria a whole number 0 to 10, and comments. "
                    + "Sent again, it replaces their scores, until the case is decided. Declaring a conflict "
                    + "(noConflict false) recuses the member: it is recorded, they can no longer score or decide, and "
                    + "the operator replaces them. The Art. 9 criteria's mean ranks the queue once every member not "
                    + "recused has scored.")
    @APIResponse(responseCode = "200", description = "Scored: the case with the panel as the caller may see it.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (code `validation`): `noConflict` missing; "
            + "`scores` missing, with an unknown criterion, or `scores.<code>` missing or not a whole number 0 to 10; "
            + "`comment` missing or over 2,000 characters.")
    @APIResponse(responseCode = "403", description = "Forbidden (code `forbidden`): the caller is not on the case's "
            + "panel, or belongs to the applying lead unit (Art. 3).")
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "409", description = "Conflict: `conflict-of-interest` when the body declares one "
            + "(the member is now recused); `recused` when the caller recused themself earlier; `not-pending` when "
            + "the case is not PENDING.")
    @PersonalDataRead(type = "review-case")
    public ReviewView score(@Parameter(description = "The review case's id.") @PathParam("id") UUID id,
            @NotNull @Valid ScoreSheet body) {
        var outcome = service.score(caller.get(), id, body).orElseThrow(() -> notFound(id));
        if (outcome instanceof Scoring.Scored scored) {
            return scored.view();
        }
        // the recusal is committed; the member is told it stands in the way
        throw ProblemException.conflict("conflict-of-interest", Text.of("review.conflict-declared"));
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
            + "caller (or, with a panel, the caller is not its chair), or the caller belongs to the applying lead unit "
            + "(conflict of interest, Art. 3).")
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "400", description = "Invalid request (code `validation`): besides the body's "
            + "rules, `reason` is missing or shorter than 20 characters while approving despite a failed QUOTA or "
            + "ELIGIBILITY check.")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the case is not PENDING; "
            + "`stale-version` when `version` is not the case's current one; `check-not-overridable` when BAN or "
            + "COMPLETENESS failed; `scores-missing` while a member of an appointed panel has not scored; `recused` "
            + "when the chair declared a conflict of interest.")
    @PersonalDataRead(type = "review-case")
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
            + "caller (or, with a panel, the caller is not its chair), or the caller belongs to the applying lead unit "
            + "(conflict of interest, Art. 3).")
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the case is not PENDING; "
            + "`stale-version` when `version` is not the case's current one; `scores-missing` while a member of an "
            + "appointed panel has not scored; `recused` when the chair declared a conflict of interest.")
    @PersonalDataRead(type = "review-case")
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
            + "caller (or, with a panel, the caller is not its chair), or the caller belongs to the applying lead unit "
            + "(conflict of interest, Art. 3).")
    @APIResponse(responseCode = "404", description = "No such review case (code `not-found`).")
    @APIResponse(responseCode = "409", description = "Conflict: `not-pending` when the case is not PENDING; "
            + "`stale-version` when `version` is not the case's current one; `scores-missing` while a member of an "
            + "appointed panel has not scored; `recused` when the chair declared a conflict of interest.")
    @PersonalDataRead(type = "review-case")
    public ReviewView requestChanges(@Parameter(description = "The review case's id.") @PathParam("id") UUID id,
            @NotNull @Valid ReasonedDecision body) {
        return service.decide(caller.get(), id, ReviewDecided.Decision.CHANGES_REQUESTED, body.reason(),
                body.version()).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("review.not-found", id));
    }
}
