package cn.org.kczg.teams.review.ban;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response records of bans' API. */
public final class BanDtos {
    private BanDtos() {
    }

    @Schema(name = "RecordBan", description = "An operator's record of a ban (Art. 20): the lead unit may not apply "
            + "for three years from `since`.")
    public record RecordBan(
            @Schema(description = "The banned lead unit's unified social credit code (统一社会信用代码).",
                    required = true, pattern = CREDIT_CODE, minLength = 18, maxLength = 18,
                    example = "511000005000123452")
            @NotBlank @Size(max = 18) String creditCode,
            @Schema(description = "The kind of serious problem (Art. 20).", required = true)
            @NotNull Ban.ReasonClass reasonClass,
            @Schema(description = "The first day of the ban (Beijing time); it ends three years later.",
                    required = true, example = "2026-03-15")
            @NotNull LocalDate since,
            @Schema(description = "What happened, kept with the ban and shown in the BAN check of later "
                    + "applications.", maxLength = 2000, example = "学术不端")
            @Size(max = 2000) String note) {
    }

    @Schema(name = "BanView", description = "A ban (Art. 20): the lead unit may not apply from `since` until the day "
            + "before `until`.")
    public record BanView(
            @Schema(description = "The ban's id.", required = true) UUID id,
            @Schema(description = "The banned lead unit's unified social credit code (统一社会信用代码).",
                    required = true, example = "511000005000123452")
            String creditCode,
            @Schema(description = "The kind of serious problem (Art. 20).", required = true)
            Ban.ReasonClass reasonClass,
            @Schema(description = "The first day of the ban (Beijing time).", required = true,
                    example = "2026-03-15")
            LocalDate since,
            @Schema(description = "The first day the lead unit may apply again: three years after `since`.",
                    required = true, example = "2029-03-15")
            LocalDate until,
            @Schema(description = "Whether the ban is in force today (Beijing time).", required = true)
            boolean inForce,
            @Schema(description = "What happened.", example = "学术不端") String note,
            @Schema(description = "Who recorded the ban: `operator`, or the service whose decision it follows "
                    + "(evaluation-service for a team's serious problem).", required = true, example = "operator")
            String source,
            @Schema(description = "When the ban was lifted (issue 21); absent while it holds.") Instant liftedAt,
            @Schema(description = "Who lifted it: an operator, or the service whose decision it follows.")
            String liftedBy,
            @Schema(description = "Why it was lifted.", example = "经复核，处分所依据的事实不成立") String liftReason) {
        static BanView of(Ban b, LocalDate today) {
            return new BanView(b.id, b.creditCode, b.reasonClass, b.since, b.until, b.inForceOn(today), b.note,
                    b.source, b.liftedAt, b.liftedBy, b.liftReason);
        }
    }

    /** 统一社会信用代码 (GB 32100): 18 characters of digits and capitals without I, O, S, V, Z. */
    static final String CREDIT_CODE = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$";
}
