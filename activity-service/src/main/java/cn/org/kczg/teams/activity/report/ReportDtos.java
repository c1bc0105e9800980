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

public final class ReportDtos {
    private ReportDtos() {
    }

    /** {@code feesCharged} is required: zero is stated, not assumed (Art. 16). */
    public record ReportActivity(
            @NotNull UUID teamId,
            @NotNull ServiceCategory category,
            @NotNull ActivityForm form,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotNull @Valid Place place,
            @NotNull @Min(0) @Max(10_000_000) Integer participants,
            @NotNull @Min(0) @Max(1_000_000) Integer enterprisesServed,
            @Valid Outcomes outcomes,
            @NotNull @Valid Fees feesCharged) {
    }

    public record Place(@Size(max = 100) String city, @Size(max = 200) String park, Boolean online) {
    }

    public record Outcomes(@Size(max = 10_000) String text, @Min(0) Integer agreementsSigned,
            @Min(0) Integer technologiesTransferred, @Min(0) Integer standardsDrafted, @Min(0) Integer talentsTrained) {
        int count(Integer value) {
            return value == null ? 0 : value;
        }
    }

    public record Fees(@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Size(max = 200) String payer) {
    }

    public record ActivityView(UUID id, UUID teamId, int year, String category, ActivityForm form, String title,
            LocalDate startDate, LocalDate endDate, Place place, PlaceKind placeKind, int participants,
            int enterprisesServed, Outcomes outcomes, Fees feesCharged, boolean feeFlagged, Instant reportedAt) {
        static ActivityView of(ActivityReport a) {
            return new ActivityView(a.id, a.teamId, a.year, a.category, a.form, a.title, a.startDate, a.endDate,
                    new Place(a.city, a.park, a.online), a.placeKind, a.participants, a.enterprisesServed,
                    a.outcomes, new Fees(a.feeAmount, a.feePayer), a.feeAmount.signum() > 0, a.reportedAt);
        }
    }

    public record Outcome(@NotNull FeeViolation.Status outcome, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ViolationView(UUID id, UUID activityId, UUID teamId, String leadUnit, int year, BigDecimal amount,
            String payer, FeeViolation.Status status, String outcomeReason, String decidedBy, Instant decidedAt,
            Instant flaggedAt) {
        static ViolationView of(FeeViolation v) {
            return new ViolationView(v.id, v.activityId, v.teamId, v.leadUnitCreditCode, v.year, v.amount, v.payer,
                    v.status, v.outcomeReason, v.decidedBy, v.decidedAt, v.flaggedAt);
        }
    }
}
