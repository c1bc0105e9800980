package cn.org.kczg.teams.kit.problem;

import cn.org.kczg.teams.kit.json.InputRuleViolation;
import cn.org.kczg.teams.kit.resilience.TransientFailures;
import cn.org.kczg.teams.kit.web.RequestId;
import cn.org.kczg.teams.platform.problem.Problem.FieldError;
import cn.org.kczg.teams.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of every service leaves as RFC 9457 problem+json; nothing else does. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(Problem.of(e.status(), e.code(), e.title(), e.getMessage(), path(uri), e.errors()));
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", e.retryAfterSeconds());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "validation", "Invalid request", detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    // Quarkus maps these subtypes itself; naming them here puts ours first
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response jsonParse(StreamReadException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "Your role does not allow this operation.", path(uri), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, path(uri)));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 404 -> "No resource at " + path(uri) + ".";
            case 405 -> "This method is not allowed on " + path(uri) + ".";
            case 406 -> "This resource answers with application/json only.";
            case 415 -> "Send the request body as application/json.";
            default -> e.getMessage();
        };
        return respond(Problem.of(status, title.toLowerCase().replace(' ', '-'), title, detail, path(uri), null));
    }

    @ServerExceptionMapper
    public Response any(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(Problem.of(409, "stale-version", "Conflict",
                        "Someone else changed this record meanwhile; reload it and try again.", path(uri), null));
            }
            if (t instanceof ProblemException p) {
                return problem(p, uri);
            }
        }
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, uri);
        }
        return internal(e, uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        String requestId = RequestId.current();
        LOG.errorf(e, "Unhandled error on %s (request %s)", path(uri), requestId);
        return respond(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; quote request id " + requestId + " when reporting it.",
                path(uri), null));
    }

    /** The database is away or busy: say so at once, and when to try again, instead of an internal error. */
    private Response unavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Unavailable on %s (request %s): %s", path(uri), RequestId.current(), e.toString());
        String detail = TransientFailures.isDatabaseUnavailable(e)
                ? "The database is not reachable right now; nothing was changed. Try again in a few seconds."
                : "The request met a temporary conflict or timeout; nothing was changed. Try again in a few seconds.";
        return Response.fromResponse(respond(Problem.of(503, "service-unavailable", "Service unavailable", detail,
                path(uri), null))).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private Response unauthorized(UriInfo uri) {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "unauthorized", "Unauthorized",
                        "Send a valid bearer token in the Authorization header.", path(uri), null))
                .build();
    }

    static Problem jsonProblem(JsonProcessingException e, String instance) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = fieldPath(u.getPath());
            return Problem.of(400, "unknown-field", "Invalid request",
                    "Unknown field '" + field + "': it is not part of this request.", instance,
                    List.of(new FieldError(field, "unknown field")));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = fieldPath(m.getPath());
            String message = "has the wrong type or format";
            if (e instanceof InputRuleViolation rule) {
                message = rule.rule();
            } else if (e instanceof InvalidNullException) {
                message = "must not be null";
            } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
                message = "must be one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
            }
            return Problem.of(400, "validation", "Invalid request", field + ": " + message, instance,
                    List.of(new FieldError(field, message)));
        }
        return Problem.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON: " + e.getOriginalMessage(), instance, null);
    }

    static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** {@code register.request.contact.email} → {@code contact.email}: the method and its parameter are noise. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && names.isEmpty()) {
                names.add(node.getName());
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                int last = names.size() - 1;
                names.set(last, names.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        // a bean parameter's own name is dropped, a plain query parameter keeps its name
        if (names.size() > 1) {
            names.remove(0);
        }
        return String.join(".", names);
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
