package cn.org.kczg.teams.review.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One check's outcome: {@code passed} is null when the rules cannot tell and the reviewer decides. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ReviewCheckResult", description = "The outcome of one automatic check of a review case.")
public record CheckResult(
        @Schema(description = "The check.", required = true) CheckName name,
        @Schema(description = "Whether the check passed; null when the rules cannot tell (e.g. no annual quota set "
                + "for the category) and the reviewer decides.", required = true, nullable = true)
        Boolean passed,
        @Schema(description = "What the check found, citing the article.", required = true,
                example = "第八条: 4 of 5 used by live teams and applications under review; this one fits")
        String detail) {

    public boolean failed() {
        return Boolean.FALSE.equals(passed);
    }
}
