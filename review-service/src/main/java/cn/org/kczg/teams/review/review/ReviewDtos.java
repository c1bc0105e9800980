package cn.org.kczg.teams.review.review;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.review.ReviewDecided.CheckOverride;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
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
            + "and the parts it is made of, from the application's text until the panel has scored, then from the "
            + "panel's Art. 9 scores.")
    public record Priority(
            @Schema(description = "The priority score, 0 to 100; the queue shows the highest first.", required = true,
                    example = "72.5")
            double score,
            @Schema(description = "The points each factor contributes to the score; they add up to the score. From the "
                    + "text: workFoundation, budget, staff, continuity, keyFields, weighted as configured. From the "
                    + "panel: each ART9_… criterion's mean × 10 / 4.", required = true)
            Map<String, Double> parts,
            @Schema(description = "What the score is made from: APPLICATION_TEXT (how fully the application states "
                    + "each part) until every panel member not recused has scored, then PANEL_SCORES (ten times the "
                    + "mean of the ART9_… criteria).", required = true)
            PriorityBasis basis,
            @Schema(description = "The score from the application's text, which ranks the case until the panel has "
                    + "scored.", required = true, example = "48.5")
            double textScore) {
        static Priority of(ReviewCase c) {
            boolean panel = c.panel != null && c.panel.priority().isPresent();
            return new Priority(c.priority, panel ? c.panel.priorityParts() : c.priorityParts,
                    panel ? PriorityBasis.PANEL_SCORES : PriorityBasis.APPLICATION_TEXT, c.textPriority);
        }
    }

    @Schema(name = "ReviewPriorityBasis", description = "What an Art. 9 priority is made from: APPLICATION_TEXT or "
            + "PANEL_SCORES.")
    public enum PriorityBasis {
        APPLICATION_TEXT, PANEL_SCORES
    }

    @Schema(name = "ReviewPanelAssignment", description = "The body of an operator's appointment of a review panel: "
            + "1 to 5 distinct reviewers, one of them the chair who decides.")
    public record PanelAssignment(
            @Schema(description = "The subjects (user ids) of the reviewers, 1 to 5, distinct.", required = true,
                    minItems = 1, maxItems = 5, example = "[\"reviewer-zhang\", \"reviewer-li\", \"reviewer-wang\"]")
            @NotNull @Size(min = 1, max = Panel.MAX_MEMBERS) List<@NotBlank @Size(max = 200) String> reviewers,
            @Schema(description = "The reviewer who chairs the panel and decides the case; one of `reviewers`.",
                    required = true, minLength = 1, maxLength = 200, example = "reviewer-zhang")
            @NotBlank @Size(max = 200) String chair) {
    }

    @Schema(name = "ReviewScoreSheet", description = "A panel member's scores of a case, for themself: the declaration "
            + "of no conflict of interest, a score 0 to 10 for every criterion (GET /api/v1/reviews/criteria) and a "
            + "comment.")
    public record ScoreSheet(
            @Schema(description = "The member declares they have no conflict of interest with the applicant. Must be "
                    + "true to score; false records the member as recused (they cannot score, the operator replaces "
                    + "them) and is answered 409 `conflict-of-interest`.", required = true, example = "true")
            @NotNull Boolean noConflict,
            @Schema(description = "A whole number 0 to 10 for every criterion, by its code; required when noConflict "
                    + "is true.", example = "{\"ART6_EXPERIENCE\": 8, \"ART6_DISTINCTIVE_SERVICES\": 7, "
                    + "\"ART6_CAPACITY\": 9, \"ART9_WORK_FOUNDATION\": 8, \"ART9_RESOURCES\": 6, "
                    + "\"ART9_CONTINUITY\": 7, \"ART9_KEY_FIELDS\": 9}")
            Map<String, BigDecimal> scores,
            @Schema(description = "The member's comment on the application, up to 2,000 characters; required when "
                    + "noConflict is true.", maxLength = 2000, example = "服务经验丰富，资源投入明确")
            @Size(max = 2000) String comment) {
    }

    @Schema(name = "ReviewCriterion", description = "A criterion a review panel scores, 0 to 10.")
    public record CriterionView(
            @Schema(description = "The criterion's stable code.", required = true) ReviewCriterion code,
            @Schema(description = "The article of the regulation it comes from.", required = true, example = "第六条")
            String article,
            @Schema(description = "What is judged, in the regulation's words.", required = true,
                    example = "在本领域具有丰富的科技服务经验")
            String label,
            @Schema(description = "The lowest score.", required = true, example = "0") int min,
            @Schema(description = "The highest score.", required = true, example = "10") int max,
            @Schema(description = "Whether the criterion is an Art. 9 priority part: the panel's mean of these ranks "
                    + "the queue once it has scored.", required = true)
            boolean priority) {
        static CriterionView of(ReviewCriterion c) {
            return new CriterionView(c, c.article, c.label, ReviewCriterion.MIN, ReviewCriterion.MAX, c.priority());
        }
    }

    @Schema(name = "ReviewPanelMember", description = "A member of a review panel and, to those who may see them, "
            + "their scores and comment.")
    public record PanelMemberView(
            @Schema(description = "The reviewer's subject (user id).", required = true, example = "reviewer-li")
            @PersonalData(kind = ACCOUNT_ID) String reviewer,
            @Schema(description = "Whether the member chairs the panel (and decides).", required = true) boolean chair,
            @Schema(description = "Whether the member declared a conflict of interest: they cannot score and their "
                    + "scores do not count.", required = true)
            boolean recused,
            @Schema(description = "When the member last scored; absent until they have.") Instant scoredAt,
            @Schema(description = "The member's score of each criterion; absent until they have scored, and to those "
                    + "who may not see it (a member who has not scored yet sees only their own; other reviewers and "
                    + "the lead unit never).")
            Map<String, Integer> scores,
            @Schema(description = "The member's comment; shown as the scores are.", example = "服务经验丰富")
            String comment) {
    }

    @Schema(name = "ReviewRecusal", description = "A reviewer who declared a conflict of interest on the case.")
    public record RecusalView(
            @Schema(description = "The reviewer's subject (user id).", required = true, example = "reviewer-li")
            @PersonalData(kind = ACCOUNT_ID) String reviewer,
            @Schema(description = "When they declared it.", required = true) Instant at) {
    }

    @Schema(name = "ReviewPanel", description = "The reviewers of a case (Art. 3): the members, the chair who decides, "
            + "who recused themself, each member's scores and the means.")
    public record PanelView(
            @Schema(description = "The chair's subject; they decide the case.", required = true,
                    example = "reviewer-zhang")
            @PersonalData(kind = ACCOUNT_ID) String chair,
            @Schema(description = "The members, in the order appointed.", required = true)
            List<PanelMemberView> members,
            @Schema(description = "Everyone who declared a conflict of interest on this case, whether still a member "
                    + "or already replaced.", required = true)
            List<RecusalView> recused,
            @Schema(description = "Whether every member not recused must score before the chair decides: true for a "
                    + "panel an operator appointed, false for the panel of one a claim or a single assignment makes.",
                    required = true)
            boolean scoringRequired,
            @Schema(description = "The members not recused who have not scored yet.", required = true)
            List<String> awaiting,
            @Schema(description = "The mean score of each criterion over the members who scored (recused members do "
                    + "not count); absent to a member who has not scored yet.")
            Map<String, Double> means,
            @Schema(description = "The mean of all the scores given; absent before anyone has scored and to a member "
                    + "who has not scored yet.", example = "7.71")
            Double mean) {
        static PanelView of(Panel p, ScoreVisibility visibility) {
            List<PanelMemberView> members = p.members().stream().map(m -> {
                boolean shown = m.scored() && visibility.individual(m.reviewer());
                return new PanelMemberView(m.reviewer(), m.reviewer().equals(p.chair()), p.isRecused(m.reviewer()),
                        m.scoredAt(), shown ? m.scores() : null, shown ? m.comment() : null);
            }).toList();
            boolean means = visibility.means();
            return new PanelView(p.chair(), members, p.recused().stream().map(r -> new RecusalView(r.reviewer(),
                    r.at())).toList(), p.scoringRequired(), p.awaiting(), means ? p.means() : null,
                    means ? p.overallMean().orElse(null) : null);
        }
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
            @Schema(description = "The subject of the reviewer who claimed the case, or the chair of its panel; absent "
                    + "while unclaimed.",
                    example = "reviewer-zhang")
            @PersonalData(kind = ACCOUNT_ID) String claimedBy,
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
            long version,
            @Schema(description = "The review panel: its members, chair (the claimant), recusals, scores and means; "
                    + "absent while nobody has claimed or been given the case.")
            PanelView panel) {
        static ReviewView of(ReviewCase c, ScoreVisibility visibility) {
            return new ReviewView(c.id, c.applicationId, c.leadUnitCreditCode, c.leadUnitName, c.leadUnitCategory,
                    c.year, c.applicationName, c.status, c.claimedBy, Priority.of(c), c.checks, c.submissionCount,
                    c.submittedAt, c.decidedAt, c.decisionReasons,
                    c.overrides == null ? null : c.overrides.stream().map(CheckOverrideView::of).toList(), c.version,
                    c.panel == null ? null : PanelView.of(c.panel, visibility));
        }
    }
}
