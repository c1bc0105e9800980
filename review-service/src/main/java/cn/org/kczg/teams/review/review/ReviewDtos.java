package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.review.ReviewDecided.CheckOverride;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class ReviewDtos {
    private ReviewDtos() {
    }

    /** {@code version}, when sent, must be the case's current one (a decision on a stale view is 409). */
    public record Decision(@Size(max = 4000) String reason, Long version) {
    }

    public record ReasonedDecision(@NotBlank @Size(max = 4000) String reason, Long version) {
    }

    public record Reassign(@NotBlank @Size(max = 200) String reviewer) {
    }

    public record Priority(double score, Map<String, Double> parts) {
    }

    public record ReviewView(UUID id, UUID applicationId, String leadUnit, String leadUnitName,
            LeadUnitCategory category, int year, String applicationName, ReviewStatus status, String claimedBy,
            Priority priority, List<CheckResult> checks, int submissionCount, Instant submittedAt,
            Instant decidedAt, List<String> decisionReasons, List<CheckOverride> overrides, long version) {
        static ReviewView of(ReviewCase c) {
            return new ReviewView(c.id, c.applicationId, c.leadUnitCreditCode, c.leadUnitName, c.leadUnitCategory,
                    c.year, c.applicationName, c.status, c.claimedBy, new Priority(c.priority, c.priorityParts),
                    c.checks, c.submissionCount, c.submittedAt, c.decidedAt, c.decisionReasons, c.overrides,
                    c.version);
        }
    }
}
