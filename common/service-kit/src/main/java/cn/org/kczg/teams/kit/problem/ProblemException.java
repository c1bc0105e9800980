package cn.org.kczg.teams.kit.problem;

import java.util.List;

/**
 * A failure the caller can act on, raised by services and rendered as problem+json in the caller's language. Absence
 * is normally an {@code Optional} turned into 404 by the resource; this is for the rest. The {@code code} is stable
 * and language-free; the detail and field messages are {@link Text}s of the service's message bundle.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final Text detail;
    private final List<FieldText> errors;
    private final Long retryAfterSeconds;

    /** One field at fault and why, in words still to be put into the caller's language. */
    public record FieldText(String field, Text message) {
    }

    public ProblemException(int status, String code, Text detail) {
        this(status, code, detail, null, null);
    }

    public ProblemException(int status, String code, Text detail, List<FieldText> errors) {
        this(status, code, detail, errors, null);
    }

    private ProblemException(int status, String code, Text detail, List<FieldText> errors, Long retryAfterSeconds) {
        super(detail.toString());
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 with {@code Retry-After}, so well-behaved clients know when to come back. */
    public static ProblemException tooManyRequests(Text detail, long retryAfterSeconds) {
        return new ProblemException(429, "rate-limited", detail, null, retryAfterSeconds);
    }

    /** 400 naming the field; the detail reads "field: message". */
    public static ProblemException invalid(String field, Text message) {
        return new ProblemException(400, "validation", Text.of("validation.field", field, message),
                List.of(new FieldText(field, message)));
    }

    public static ProblemException notFound(Text detail) {
        return new ProblemException(404, "not-found", detail);
    }

    public static ProblemException conflict(String code, Text detail) {
        return new ProblemException(409, code, detail);
    }

    public static ProblemException forbidden(Text detail) {
        return new ProblemException(403, "forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Text detail() {
        return detail;
    }

    public List<FieldText> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
