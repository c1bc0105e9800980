package cn.org.kczg.teams.review.review;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One check's outcome: {@code passed} is null when the rules cannot tell and the reviewer decides. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CheckResult(CheckName name, Boolean passed, String detail) {

    public boolean failed() {
        return Boolean.FALSE.equals(passed);
    }
}
