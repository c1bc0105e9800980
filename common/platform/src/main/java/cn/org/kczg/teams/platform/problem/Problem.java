package cn.org.kczg.teams.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, with our {@code code} and, for validation, the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kczg.org.cn/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String title, String detail, String instance,
            List<FieldError> errors) {
        return new Problem(TYPE_BASE + code, title, status, detail, instance, code, errors);
    }
}
