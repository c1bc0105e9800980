package cn.org.kczg.teams.review.eligibility;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.review.ban.Ban;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a lead unit may do under Art. 5, 8 and 20; {@code ban} is null when none is in force. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "EligibilityView", description = "What a lead unit may do now: whether its category may lead a team "
        + "(Art. 5), its quota (Art. 8) and the ban in force (Art. 20), if any.")
public record EligibilityView(
        @Schema(description = "The lead unit's unified social credit code (统一社会信用代码).", required = true,
                example = "511000005000123452")
        String creditCode,
        @Schema(description = "The lead unit's name.", required = true, example = "中国机械工程学会") String name,
        @Schema(description = "The lead unit's Art. 5 category.", required = true) LeadUnitCategory category,
        @Schema(description = "Whether the category may lead a team (Art. 5).", required = true) boolean eligible,
        @Schema(description = "The Art. 5 clause the category falls under, or why it is not eligible.",
                required = true, example = "[\"第五条(一): 中国科协所属全国学会、协会、研究会\"]")
        List<String> reasons,
        @Schema(description = "The lead unit's quota this year (Beijing time) and its use.", required = true)
        Quota quota,
        @Schema(description = "The ban in force today, or null when none is.", required = true, nullable = true)
        BanInForce ban) {

    /** {@code limit} is null until the operator sets an annual quota for the category. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "EligibilityQuota", description = "Art. 8: how many teams the lead unit may lead and how many "
            + "slots are used.")
    public record Quota(
            @Schema(description = "The most teams the lead unit may lead: fixed by Art. 8 for national societies (5) "
                    + "and provincial CASTs and their affiliates (2), 0 for ineligible units, else the operator's "
                    + "annual quota; null while no annual quota is set for the category.", required = true,
                    nullable = true, example = "5")
            Integer limit,
            @Schema(description = "Slots used: live (active or suspended) teams plus applications under review that "
                    + "hold a slot.", required = true, example = "2")
            int used) {
    }

    @Schema(name = "EligibilityBanInForce", description = "The Art. 20 ban in force against the lead unit.")
    public record BanInForce(
            @Schema(description = "The kind of serious problem.", required = true) Ban.ReasonClass reasonClass,
            @Schema(description = "The first day of the ban (Beijing time).", required = true, example = "2026-03-15")
            LocalDate since,
            @Schema(description = "The first day the lead unit may apply again.", required = true,
                    example = "2029-03-15")
            LocalDate until) {
    }
}
