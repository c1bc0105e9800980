package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.platform.problem.Problem;
import cn.org.kczg.teams.platform.problem.ProblemTexts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;

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
