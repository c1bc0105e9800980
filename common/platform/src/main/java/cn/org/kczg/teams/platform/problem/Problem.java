package cn.org.kczg.teams.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * RFC 9457 problem details, with our {@code code} and, for validation, the fields at fault: the one shape of every
 * error the services (through {@code ProblemMappers}) and the gateway answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kczg.org.cn/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String title, String detail, String instance,
            List<FieldError> errors) {
        return new Problem(TYPE_BASE + code, title, status, detail, instance, code, errors);
    }

    /** The body, for those that write it themselves (the gateway's Vert.x routes). */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
