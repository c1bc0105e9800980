package cn.org.kczg.teams.kit.problem;

import cn.org.kczg.teams.kit.problem.Problem.FieldError;
import java.util.List;

/**
 * A failure the caller can act on, raised by services and rendered as problem+json. Absence is
 * normally an {@code Optional} turned into 404 by the resource; this is for the rest.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
