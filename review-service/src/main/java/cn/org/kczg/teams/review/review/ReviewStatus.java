package cn.org.kczg.teams.review.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PENDING → APPROVED | REJECTED | CHANGES_REQUESTED (→ PENDING on resubmission); WITHDRAWN by the applicant. */
@Schema(name = "ReviewStatus", description = "Where a review case stands: PENDING (awaiting a reviewer's decision), "
        + "CHANGES_REQUESTED (back with the lead unit; PENDING again on resubmission), APPROVED, REJECTED, or "
        + "WITHDRAWN by the lead unit.")
public enum ReviewStatus {
    PENDING, CHANGES_REQUESTED, APPROVED, REJECTED, WITHDRAWN
}
