package cn.org.kczg.teams.review.eligibility;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** What a lead unit may do under Art. 5, 8 and 20; {@code ban} is null when none is in force. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EligibilityView(String creditCode, String name, LeadUnitCategory category, boolean eligible,
        List<String> reasons, Quota quota, BanInForce ban) {

    /** {@code limit} is null until the operator sets an annual quota for the category. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Quota(Integer limit, int used) {
    }

    public record BanInForce(String reasonClass, LocalDate since, LocalDate until) {
    }
}
