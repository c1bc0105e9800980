package cn.org.kczg.teams.activity.report;

import cn.org.kczg.teams.events.activity.ActivityForm;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ReportDtos {
    private ReportDtos() {
    }

    /** {@code feesCharged} is required: zero is stated, not assumed (Art. 16). */
    @Schema(name = "ReportActivity", description = "A team's report of one offline or online activity (Art. 10, 11, "
            + "16); the fees charged are always stated, zero included.")
    public record ReportActivity(
            @Schema(description = "The team that held the activity.", required = true) @NotNull UUID teamId,
            @Schema(description = "The service category (Art. 11).", required = true) @NotNull ServiceCategory category,
            @Schema(description = "The form of the activity.", required = true) @NotNull ActivityForm form,
            @Schema(description = "The activity's title.", required = true, example = "智能制造技术对接会")
            @NotBlank @Size(max = 200) String title,
            @Schema(description = "The first day; its year is the year the activity counts for.", required = true,
                    example = "2026-09-15")
            @NotNull LocalDate startDate,
            @Schema(description = "The last day, not before startDate.", required = true, example = "2026-09-16")
            @NotNull LocalDate endDate,
            @Schema(description = "Where it was held: a city (or park), online, or both.", required = true)
            @NotNull @Valid Place place,
            @Schema(description = "How many people took part.", required = true, example = "120")
            @NotNull @Min(0) @Max(10_000_000) Integer participants,
            @Schema(description = "How many enterprises were served.", required = true, example = "15")
            @NotNull @Min(0) @Max(1_000_000) Integer enterprisesServed,
            @Schema(description = "What came of it; counts left out are zero.") @Valid Outcomes outcomes,
            @Schema(description = "The fees charged to the supply or demand side, stated even when zero (Art. 16); any "
                    + "fee above zero raises a fee violation for the operator.", required = true)
            @NotNull @Valid Fees feesCharged) {
    }

    @Schema(name = "ActivityPlace", description = "Where an activity was held: a city is required unless it was "
            + "online.")
    public record Place(
            @Schema(description = "The city served.", example = "苏州市") @Size(max = 100) String city,
            @Schema(description = "The park served, if any.", example = "苏州工业园区") @Size(max = 200) String park,
            @Schema(description = "true: held online (with or without a city).") Boolean online) {
    }

    @Schema(name = "ActivityOutcomes", description = "What came of an activity, counted for the annual assessment.")
    public record Outcomes(
            @Schema(description = "The outcomes in words.", example = "促成3家企业与高校签订技术合作协议。")
            @Size(max = 10_000) String text,
            @Schema(description = "Agreements signed.", example = "3") @Min(0) Integer agreementsSigned,
            @Schema(description = "Technologies transferred.", example = "1") @Min(0) Integer technologiesTransferred,
            @Schema(description = "Standards drafted.", example = "0") @Min(0) Integer standardsDrafted,
            @Schema(description = "Talents trained.", example = "40") @Min(0) Integer talentsTrained) {
        int count(Integer value) {
            return value == null ? 0 : value;
        }
    }

    @Schema(name = "ActivityFees", description = "The fees charged for an activity (Art. 16: teams are non-profit).")
    public record Fees(
            @Schema(description = "The amount in yuan, 0 when nothing was charged.", required = true, example = "0")
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Schema(description = "Who paid; required when the amount is above zero.", example = "苏州某精密机械有限公司")
            @Size(max = 200) String payer) {
    }

    @Schema(name = "ActivityReportView", description = "A reported activity, with how Art. 10 counts its place and "
            + "whether it raised a fee violation.")
    public record ActivityView(
            @Schema(description = "The activity's id.", required = true) UUID id,
            @Schema(description = "The team that held it.", required = true) UUID teamId,
            @Schema(description = "The year it counts for (of its start date).", required = true, example = "2026")
            int year,
            @Schema(description = "The service category (Art. 11), a ServiceCategory name.", required = true,
                    example = "TECH_DISSEMINATION")
            String category,
            @Schema(description = "The form of the activity.", required = true) ActivityForm form,
            @Schema(description = "The title.", required = true, example = "智能制造技术对接会") String title,
            @Schema(description = "The first day.", required = true) LocalDate startDate,
            @Schema(description = "The last day.", required = true) LocalDate endDate,
            @Schema(description = "Where it was held.", required = true) Place place,
            @Schema(description = "How Art. 10 counts the place.", required = true) PlaceKind placeKind,
            @Schema(description = "How many people took part.", required = true) int participants,
            @Schema(description = "How many enterprises were served.", required = true) int enterprisesServed,
            @Schema(description = "What came of it.", required = true) Outcomes outcomes,
            @Schema(description = "The fees charged.", required = true) Fees feesCharged,
            @Schema(description = "true: a fee above zero was charged and a fee violation raised (Art. 16).",
                    required = true)
            boolean feeFlagged,
            @Schema(description = "When it was reported.", required = true) Instant reportedAt,
            @Schema(description = "Where the report is: REPORTED, CORRECTED or WITHDRAWN.", required = true)
            ReportStatus status,
            @Schema(description = "When it was last corrected; absent when never.") Instant correctedAt,
            @Schema(description = "When it was withdrawn; absent unless WITHDRAWN.") Instant withdrawnAt,
            @Schema(description = "Why it was withdrawn; absent unless WITHDRAWN.", example = "重复报送")
            String withdrawalReason) {
        static ActivityView of(ActivityReport a) {
            return new ActivityView(a.id, a.teamId, a.year, a.category, a.form, a.title, a.startDate, a.endDate,
                    new Place(a.city, a.park, a.online), a.placeKind, a.participants, a.enterprisesServed,
                    a.outcomes, new Fees(a.feeAmount, a.feePayer), a.feeAmount.signum() > 0, a.reportedAt, a.status,
                    a.correctedAt, a.withdrawnAt, a.withdrawalReason);
        }
    }

    /**
     * The document of {@code PATCH /activities/{id}} (JSON Merge Patch of the report's fields, with the reason): only
     * for the API description — the patch is merged onto the report as a {@link ReportActivity} and checked as one.
     */
    @Schema(name = "ActivityReportPatch", description = "A correction of an activity report as a JSON Merge Patch "
            + "(RFC 7396): the fields to change (left out: unchanged; objects merge member by member) and the reason, "
            + "which the history keeps with every old → new value. The team cannot be changed.")
    public record ActivityPatch(
            @Schema(description = "Why the report is corrected.", required = true, example = "参加人数统计有误，以签到表为准")
            String reason,
            @Schema(description = "The service category (Art. 11).") ServiceCategory category,
            @Schema(description = "The form of the activity.") ActivityForm form,
            @Schema(description = "The title.", example = "智能制造技术对接会") String title,
            @Schema(description = "The first day, not after today (China).", example = "2026-09-15") LocalDate startDate,
            @Schema(description = "The last day, not before startDate nor after today.", example = "2026-09-16")
            LocalDate endDate,
            @Schema(description = "Where it was held (merged member by member).") Place place,
            @Schema(description = "How many people took part.", example = "120") Integer participants,
            @Schema(description = "How many enterprises were served.", example = "15") Integer enterprisesServed,
            @Schema(description = "What came of it (merged member by member).") Outcomes outcomes,
            @Schema(description = "The fees charged (merged member by member); a fee above zero raises a fee violation "
                    + "unless one is already open or upheld.") Fees feesCharged) {
    }

    @Schema(name = "FeeViolationDecision", description = "The operator's decision on a fee violation.")
    public record Outcome(
            @Schema(description = "UPHELD or DISMISSED.", required = true, example = "UPHELD")
            @NotNull FeeViolation.Status outcome,
            @Schema(description = "Why, kept with the violation.", required = true, example = "经核实，该费用以服务团名义收取。")
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "FeeViolationView", description = "A fee declared in an activity report, kept for the operator's "
            + "decision (Art. 16).")
    public record ViolationView(
            @Schema(description = "The violation's id.", required = true) UUID id,
            @Schema(description = "The activity report that declared the fee.", required = true) UUID activityId,
            @Schema(description = "The team.", required = true) UUID teamId,
            @Schema(description = "The unified social credit code of the team's lead unit.", required = true,
                    example = "91350100M000100Y43")
            String leadUnit,
            @Schema(description = "The year the activity counts for.", required = true, example = "2026") int year,
            @Schema(description = "The amount charged, in yuan.", required = true, example = "5000.00")
            BigDecimal amount,
            @Schema(description = "Who paid.", example = "苏州某精密机械有限公司") String payer,
            @Schema(description = "Where the violation is.", required = true) FeeViolation.Status status,
            @Schema(description = "The reason given with the operator's decision.") String outcomeReason,
            @Schema(description = "Who decided.") String decidedBy,
            @Schema(description = "When the operator decided.") Instant decidedAt,
            @Schema(description = "When the fee was flagged.", required = true) Instant flaggedAt) {
        static ViolationView of(FeeViolation v) {
            return new ViolationView(v.id, v.activityId, v.teamId, v.leadUnitCreditCode, v.year, v.amount, v.payer,
                    v.status, v.outcomeReason, v.decidedBy, v.decidedAt, v.flaggedAt);
        }
    }
}
