package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.review.ReviewDecided.CheckOverride;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReviewDtos {
    private ReviewDtos() {
    }

    /** {@code version}, when sent, must be the case's current one (a decision on a stale view is 409). */
    @Schema(name = "ReviewApproval", description = "The body of an approval: an optional reason, required (at least "
            + "20 characters) only to approve despite a failed quota (Art. 8) or eligibility (Art. 5) check, and the "
            + "version decided on.")
    public record Decision(
            @Schema(description = "Why the case is approved; kept in the decision and the audit trail. Needed, with at "
                    + "least 20 characters, to approve despite a failed QUOTA check (Art. 8 \"in principle\") or a "
                    + "failed ELIGIBILITY check (Art. 5's list ends in 等: a unit of an unlisted kind).",
                    maxLength = 4000, example = "该省科协承担国家重大区域战略任务，经研究同意超出名额")
            @Size(max = 4000) String reason,
            @Schema(description = "The case's version the decision was made on (ReviewView.version); when sent and no "
                    + "longer current the answer is 409 `stale-version`.", example = "3")
            Long version) {
    }

    @Schema(name = "ReviewReasonedDecision", description = "The body of a rejection or a request for changes: the "
            + "reason the lead unit is told, and the version decided on.")
    public record ReasonedDecision(
            @Schema(description = "Why the application is rejected or what must change; shown to the lead unit.",
                    required = true, minLength = 1, maxLength = 4000, example = "请补充资源投入说明")
            @NotBlank @Size(max = 4000) String reason,
            @Schema(description = "The case's version the decision was made on (ReviewView.version); when sent and no "
                    + "longer current the answer is 409 `stale-version`.", example = "3")
            Long version) {
    }

    @Schema(name = "ReviewReassignment", description = "The body of an operator's (re)assignment of a pending case.")
    public record Reassign(
            @Schema(description = "The subject (user id) of the reviewer who takes over the case.", required = true,
                    minLength = 1, maxLength = 200, example = "reviewer-zhang")
            @NotBlank @Size(max = 200) String reviewer) {
    }

    @Schema(name = "ReviewPriority", description = "Art. 9 priority of an application in the review queue: its score "
            + "and the parts it is made of.")
    public record Priority(
            @Schema(description = "The priority score, 0 to 100; the queue shows the highest first.", required = true,
                    example = "72.5")
            double score,
            @Schema(description = "The points each factor contributes to the score (workFoundation, budget, staff, "
                    + "continuity, keyFields), weighted as configured; they add up to the score.", required = true)
            Map<String, Double> parts) {
    }

    @Schema(name = "ReviewCheckOverride", description = "A failed check a reviewer approved despite it, with the "
            + "written reason (Art. 8: only the quota check may be overridden).")
    public record CheckOverrideView(
            @Schema(description = "The check overridden.", required = true) CheckName check,
            @Schema(description = "The reviewer's written reason (at least 20 characters).", required = true,
                    example = "该省科协承担国家重大区域战略任务，经研究同意超出名额")
            String reason) {
        static CheckOverrideView of(CheckOverride o) {
            return new CheckOverrideView(CheckName.valueOf(o.check()), o.reason());
        }
    }

    @Schema(name = "ReviewView", description = "The qualification review case of one application (Art. 3), across "
            + "its resubmissions: the automatic checks (Art. 5, 8, 20, completeness), its Art. 9 priority, who claimed "
            + "it and the decision.")
    public record ReviewView(
            @Schema(description = "The review case's id.", required = true) UUID id,
            @Schema(description = "The application under review (registration-service).", required = true)
            UUID applicationId,
            @Schema(description = "The applying lead unit's unified social credit code (统一社会信用代码).",
                    required = true, example = "511000005000123452")
            String leadUnit,
            @Schema(description = "The applying lead unit's name.", required = true, example = "中国机械工程学会")
            String leadUnitName,
            @Schema(description = "The lead unit's Art. 5 category, from registration's record of it.", required = true)
            LeadUnitCategory category,
            @Schema(description = "The year applied for.", required = true, example = "2026") int year,
            @Schema(description = "The name of the team applied for.", required = true,
                    example = "“科创中国”智能制造科技服务团")
            String applicationName,
            @Schema(description = "Where the case stands.", required = true) ReviewStatus status,
            @Schema(description = "The subject of the reviewer who claimed the case; absent while unclaimed.",
                    example = "reviewer-zhang")
            String claimedBy,
            @Schema(description = "Art. 9 priority in the queue.", required = true) Priority priority,
            @Schema(description = "The automatic checks, in the order ELIGIBILITY, BAN, QUOTA, COMPLETENESS.",
                    required = true)
            List<CheckResult> checks,
            @Schema(description = "How many times the application was submitted (1, then more after requested "
                    + "changes).", required = true, example = "1")
            int submissionCount,
            @Schema(description = "When the application was last submitted.", required = true) Instant submittedAt,
            @Schema(description = "When the case was approved or rejected; absent while pending or awaiting changes.")
            Instant decidedAt,
            @Schema(description = "The reviewer's reasons of the last decision; absent before the first decision.")
            List<String> decisionReasons,
            @Schema(description = "Failed checks approved despite them, with the reason; absent before a decision.")
            List<CheckOverrideView> overrides,
            @Schema(description = "The case's version: send it with a decision so a decision on a stale view is "
                    + "refused (409 `stale-version`).", required = true, example = "3")
            long version) {
        static ReviewView of(ReviewCase c) {
            return new ReviewView(c.id, c.applicationId, c.leadUnitCreditCode, c.leadUnitName, c.leadUnitCategory,
                    c.year, c.applicationName, c.status, c.claimedBy, new Priority(c.priority, c.priorityParts),
                    c.checks, c.submissionCount, c.submittedAt, c.decidedAt, c.decisionReasons,
                    c.overrides == null ? null : c.overrides.stream().map(CheckOverrideView::of).toList(), c.version);
        }
    }
}
