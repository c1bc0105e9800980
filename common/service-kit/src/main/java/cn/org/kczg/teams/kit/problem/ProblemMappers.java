package cn.org.kczg.teams.kit.problem;

import cn.org.kczg.teams.kit.json.InputRuleViolation;
import cn.org.kczg.teams.kit.resilience.TransientFailures;
import cn.org.kczg.teams.kit.web.RequestId;
import cn.org.kczg.teams.platform.privacy.LogSafe;
import cn.org.kczg.teams.platform.problem.Problem.FieldError;
import cn.org.kczg.teams.platform.problem.Problem;
import cn.org.kczg.teams.platform.problem.ProblemTexts;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of every service leaves as RFC 9457 problem+json; nothing else does. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final ProblemTexts TEXTS = Text.BUNDLES;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Locale locale = locale(headers);
        List<FieldError> errors = e.errors() == null ? null : e.errors().stream()
                .map(f -> new FieldError(f.field(), f.message().in(locale))).toList();
        Response response = respond(problem(locale, e.status(), e.code(), e.detail(), uri, errors));
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", e.retryAfterSeconds());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        // Hibernate Validator put the messages into the request's language already (quarkus.locales, Accept-Language)
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        Locale locale = locale(headers);
        return respond(Problem.of(400, "validation", TEXTS.title(locale, "validation", 400), detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(jsonProblem(e, path(uri), locale(headers)));
    }

    // Quarkus maps these subtypes itself; naming them here puts ours first
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return respond(jsonProblem(e, path(uri), locale(headers)));
    }

    @ServerExceptionMapper
    public Response jsonParse(StreamReadException e, UriInfo uri, HttpHeaders headers) {
        return respond(jsonProblem(e, path(uri), locale(headers)));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, locale(headers));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthorized(uri, locale(headers));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(problem(locale(headers), 403, "forbidden", Text.of("forbidden.role"), uri, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Locale locale = locale(headers);
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, path(uri), locale));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri, locale);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String code = known != null ? known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-') : "http-" + status;
        Text detail = switch (status) {
            case 404 -> Text.of("http.404", path(uri));
            case 405 -> Text.of("http.405", path(uri));
            case 406 -> Text.of("http.406");
            case 415 -> Text.of("http.415");
            default -> Text.of("http.other", status);
        };
        return respond(problem(locale, status, code, detail, uri, null));
    }

    @ServerExceptionMapper
    public Response any(Throwable e, UriInfo uri, HttpHeaders headers) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return respond(problem(locale(headers), 409, "stale-version", Text.of("stale-version"), uri, null));
            }
            if (t instanceof ProblemException p) {
                return problem(p, uri, headers);
            }
        }
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, uri, locale(headers));
        }
        return internal(e, uri, locale(headers));
    }

    private Response internal(Throwable e, UriInfo uri, Locale locale) {
        String requestId = RequestId.current();
        LOG.errorf(LogSafe.redacted(e), "Unhandled error on %s (request %s)", path(uri), requestId);
        return respond(problem(locale, 500, "internal", Text.of("internal", requestId), uri, null));
    }

    /** The database is away or busy: say so at once, and when to try again, instead of an internal error. */
    private Response unavailable(Throwable e, UriInfo uri, Locale locale) {
        LOG.warnf("Unavailable on %s (request %s): %s", path(uri), RequestId.current(), LogSafe.describe(e));
        Text detail = Text.of(TransientFailures.isDatabaseUnavailable(e) ? "unavailable.database" : "unavailable.busy");
        return Response.fromResponse(respond(problem(locale, 503, "service-unavailable", detail, uri, null)))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private Response unauthorized(UriInfo uri, Locale locale) {
        return Response.fromResponse(respond(problem(locale, 401, "unauthorized", Text.of("unauthorized"), uri, null)))
                .header("WWW-Authenticate", "Bearer").build();
    }

    static Problem jsonProblem(JsonProcessingException e, String instance, Locale locale) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = fieldPath(u.getPath());
            return Problem.of(400, "unknown-field", TEXTS.title(locale, "unknown-field", 400),
                    TEXTS.text(locale, "json.unknown-field", field), instance,
                    List.of(new FieldError(field, TEXTS.text(locale, "json.unknown-field.short"))));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = fieldPath(m.getPath());
            Text message = Text.of("json.wrong-type");
            if (e instanceof InputRuleViolation rule) {
                message = rule.rule();
            } else if (e instanceof InvalidNullException) {
                message = Text.of("json.null");
            } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
                message = Text.of("json.one-of", Arrays.stream(f.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", ")));
            }
            return Problem.of(400, "validation", TEXTS.title(locale, "validation", 400),
                    Text.of("validation.field", field, message).in(locale), instance,
                    List.of(new FieldError(field, message.in(locale))));
        }
        return Problem.of(400, "malformed-json", TEXTS.title(locale, "malformed-json", 400),
                TEXTS.text(locale, "json.malformed", LogSafe.withoutQuotes(e.getOriginalMessage())), instance, null);
    }

    /** The caller's language: Chinese unless Accept-Language prefers English. */
    static Locale locale(HttpHeaders headers) {
        return ProblemTexts.choose(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static Problem problem(Locale locale, int status, String code, Text detail, UriInfo uri,
            List<FieldError> errors) {
        return Problem.of(status, code, TEXTS.title(locale, code, status), detail.in(locale), path(uri), errors);
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
