package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.platform.problem.Problem;
import cn.org.kczg.teams.platform.problem.ProblemTexts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The problems the gateway answers itself, in the caller's language ({@code problems_zh/en.properties} of the
 * gateway): Chinese unless Accept-Language prefers English, codes unchanged.
 */
public final class GatewayProblems {
    static final ProblemTexts TEXTS = new ProblemTexts("problems");

    private GatewayProblems() {
    }

    static Locale locale(HttpServerRequest request) {
        return ProblemTexts.choose(request.getHeader("Accept-Language"));
    }

    /** The problem's body; {@code instance} is the request's path unless the path itself is the problem (414). */
    static Buffer body(HttpServerRequest request, int status, String code, String key, Object... args) {
        Locale locale = locale(request);
        String instance = status == 414 ? null : request.path();
        return Buffer.buffer(Problem.of(status, code, TEXTS.title(locale, code, status), TEXTS.text(locale, key, args),
                instance, null).toJson());
    }

    /** Answers the request with the problem. */
    static void answer(HttpServerRequest request, int status, String code, String key, Object... args) {
        request.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body(request, status, code, key, args));
    }

    /**
     * The gateway's own routes: 401 without a token, 403 unless it holds one of {@code roles} ({@code forbiddenKey}
     * says who may); true when the caller is admitted, false when it was answered.
     */
    static boolean admits(HttpServerRequest request, JsonWebToken token, Set<String> roles, String forbiddenKey) {
        if (token == null) {
            request.response().putHeader("WWW-Authenticate", "Bearer");
            answer(request, 401, "unauthorized", "unauthorized");
            return false;
        }
        if (token.getGroups() == null || token.getGroups().stream().noneMatch(roles::contains)) {
            answer(request, 403, "forbidden", forbiddenKey);
            return false;
        }
        return true;
    }

    /** 400 naming the parameter. */
    static void answer(HttpServerRequest request, InvalidParameter invalid) {
        Locale locale = locale(request);
        String message = TEXTS.text(locale, invalid.key(), invalid.args().toArray());
        Problem problem = Problem.of(400, "validation", TEXTS.title(locale, "validation", 400),
                TEXTS.text(locale, "validation.field", invalid.field(), message), request.path(),
                List.of(new Problem.FieldError(invalid.field(), message)));
        request.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Buffer.buffer(problem.toJson()));
    }
}
