package cn.org.kczg.teams.review.review;

/** PENDING → APPROVED | REJECTED | CHANGES_REQUESTED (→ PENDING on resubmission); WITHDRAWN by the applicant. */
public enum ReviewStatus {
    PENDING, CHANGES_REQUESTED, APPROVED, REJECTED, WITHDRAWN
}
