package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.gateway.deadletters.DeadLetter;
import cn.org.kczg.teams.gateway.deadletters.DeadLetterStore;
import cn.org.kczg.teams.platform.security.Roles;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Staff's view of what the consumers gave up on, served by the gateway from the dead-letter topics (operators only):
 * <ul>
 * <li>{@code GET /api/v1/dead-letters[?topic=registration.events][&replayed=false][&page=0&size=20]} — newest first</li>
 * <li>{@code GET /api/v1/dead-letters/{id}}</li>
 * <li>{@code POST /api/v1/dead-letters/{id}/replay} — back to its topic, once the cause is fixed</li>
 * <li>{@code POST /api/v1/dead-letters/replay[?topic=…]} — every one not yet replayed</li>
 * </ul>
 */
@ApplicationScoped
public class DeadLetterRoutes {
    private static final Logger LOG = Logger.getLogger(DeadLetterRoutes.class);
    static final String BASE = "/api/v1/dead-letters";
    private static final int MAX_SIZE = 100;

    @Inject
    DeadLetterStore store;
    @Inject
    Vertx vertx;

    boolean owns(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    void handle(RoutingContext ctx, JsonWebToken token) {
        ctx.request().resume();
        String path = ctx.request().path();
        if (!GatewayProblems.admits(ctx.request(), token, Set.of(Roles.OPERATOR), "dead-letters.forbidden")) {
            return;
        }
        String rest = path.substring(BASE.length());
        HttpMethod method = ctx.request().method();
        if (rest.isEmpty() || rest.equals("/")) {
            if (method != HttpMethod.GET) {
                GatewayProblems.answer(ctx.request(), 405, "method-not-allowed", "method.get");
                return;
            }
            list(ctx);
        } else if (rest.equals("/replay")) {
            if (method != HttpMethod.POST) {
                GatewayProblems.answer(ctx.request(), 405, "method-not-allowed", "method.post");
                return;
            }
            String topic = ctx.request().getParam("topic");
            blocking(ctx, () -> {
                List<DeadLetter> replayed = store.all().stream().filter(l -> l.replayedAt() == null)
                        .filter(l -> topic == null || topic.equals(l.topic()))
                        .map(l -> store.replay(l.id()).orElse(null)).filter(l -> l != null).toList();
                return new JsonObject().put("replayed", replayed.size())
                        .put("items", new JsonArray(replayed.stream().map(DeadLetter::toJson).toList()));
            });
        } else if (rest.endsWith("/replay") && rest.indexOf('/', 1) == rest.length() - "/replay".length()) {
            if (method != HttpMethod.POST) {
                GatewayProblems.answer(ctx.request(), 405, "method-not-allowed", "method.post");
                return;
            }
            String id = decoded(rest.substring(1, rest.length() - "/replay".length()));
            blocking(ctx, () -> store.replay(id).map(DeadLetter::toJson).orElse(null));
        } else if (rest.indexOf('/', 1) < 0) {
            if (method != HttpMethod.GET) {
                GatewayProblems.answer(ctx.request(), 405, "method-not-allowed", "method.get");
                return;
            }
            String id = decoded(rest.substring(1));
            blocking(ctx, () -> store.find(id).map(DeadLetter::toJson).orElse(null));
        } else {
            GatewayProblems.answer(ctx.request(), 404, "not-found", "dead-letters.no-resource");
        }
    }

    private void list(RoutingContext ctx) {
        String path = ctx.request().path();
        int page;
        int size;
        try {
            page = intParam(ctx, "page", 0, 0, 1_000_000);
            size = intParam(ctx, "size", 20, 1, MAX_SIZE);
        } catch (InvalidParameter e) {
            GatewayProblems.answer(ctx.request(), e);
            return;
        }
        String topic = ctx.request().getParam("topic");
        String replayed = ctx.request().getParam("replayed");
        if (replayed != null && !replayed.equals("true") && !replayed.equals("false")) {
            GatewayProblems.answer(ctx.request(), new InvalidParameter("replayed", "boolean"));
            return;
        }
        blocking(ctx, () -> {
            List<DeadLetter> matching = store.all().stream()
                    .filter(l -> topic == null || topic.equals(l.topic()))
                    .filter(l -> replayed == null || (l.replayedAt() != null) == Boolean.parseBoolean(replayed))
                    .toList();
            List<DeadLetter> slice = matching.stream().skip((long) page * size).limit(size).toList();
            return new JsonObject().put("items", new JsonArray(slice.stream().map(DeadLetter::toJson).toList()))
                    .put("page", page).put("size", size).put("total", matching.size());
        });
    }

    /** Runs a Kafka read or write off the event loop; null means 404, a failure 503 (the broker is away). */
    private void blocking(RoutingContext ctx, Callable<JsonObject> work) {
        String path = ctx.request().path();
        vertx.<JsonObject>executeBlocking(work, false).onComplete(result -> {
            if (result.failed()) {
                LOG.warnf("dead letters: %s", result.cause().toString());
                ctx.response().putHeader("Retry-After", "10");
                GatewayProblems.answer(ctx.request(), 503, "service-unavailable", "broker.unavailable");
            } else if (result.result() == null) {
                GatewayProblems.answer(ctx.request(), 404, "not-found", "dead-letters.none");
            } else {
                ctx.response().putHeader("Content-Type", "application/json;charset=UTF-8")
                        .end(result.result().encode());
            }
        });
    }

    /** The path as sent (a client may encode the id's colons); an undecodable id matches nothing. */
    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String value = ctx.request().getParam(name);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new InvalidParameter(name, "range", min, max);
        }
        return Integer.parseInt(value);
    }
}
