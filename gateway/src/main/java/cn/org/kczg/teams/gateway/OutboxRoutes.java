package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.platform.security.Roles;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/v1/outbox} (operators): each service's outbox as its relay last saw it — backlog, age of the
 * oldest unsent event, parked events, whether the broker takes them — read from the {@code outbox} check of the
 * service's readiness ({@code OutboxHealthCheck}), so nothing queries a database on the operator's behalf. A service
 * that does not answer is listed as {@code UNREACHABLE}, never left out.
 */
@ApplicationScoped
public class OutboxRoutes {
    static final String PATH = "/api/v1/outbox";
    private static final long TIMEOUT_MILLIS = 3_000;

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private volatile HttpClient client;

    boolean owns(String path) {
        return PATH.equals(path) || (PATH + "/").equals(path);
    }

    void handle(RoutingContext ctx, JsonWebToken token) {
        ctx.request().resume();
        if (!GatewayProblems.admits(ctx.request(), token, Set.of(Roles.OPERATOR), "outbox.forbidden")) {
            return;
        }
        if (ctx.request().method() != HttpMethod.GET) {
            GatewayProblems.answer(ctx.request(), 405, "method-not-allowed", "method.get");
            return;
        }
        List<Future<JsonObject>> reads = new ArrayList<>();
        new TreeMap<>(config.services()).forEach((name, bases) -> reads.add(read(name, bases)));
        Future.join(reads).onComplete(done -> {
            JsonArray items = new JsonArray();
            reads.forEach(read -> items.add(read.result()));
            ctx.response().putHeader("Content-Type", "application/json;charset=UTF-8")
                    .end(new JsonObject().put("items", items).encode());
        });
    }

    /** One service's figures; never fails (an unreachable service is an item too). */
    private Future<JsonObject> read(String service, String bases) {
        return new Upstream(service, bases).connect(client(), TIMEOUT_MILLIS)
                .compose(request -> request.setMethod(HttpMethod.GET).setURI(config.readinessPath())
                        .idleTimeout(TIMEOUT_MILLIS).send())
                .compose(response -> response.body())
                .map(body -> OutboxFigures.of(service, body.toJsonObject()))
                .otherwise(failure -> OutboxFigures.unreachable(service, failure.toString()));
    }

    private HttpClient client() {
        if (client == null) {
            client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout((int) config.connectTimeout().toMillis()));
        }
        return client;
    }

    /** The item of one service, from its readiness answer. */
    static final class OutboxFigures {
        private OutboxFigures() {
        }

        static JsonObject of(String service, JsonObject health) {
            JsonObject check = null;
            for (Object c : health.getJsonArray("checks", new JsonArray())) {
                if (c instanceof JsonObject o && "outbox".equals(o.getString("name"))) {
                    check = o;
                }
            }
            if (check == null) {
                return unreachable(service, "no outbox check in its readiness");
            }
            JsonObject data = check.getJsonObject("data", new JsonObject());
            JsonArray parked = new JsonArray();
            for (int i = 1; data.containsKey("parked." + i); i++) {
                parked.add(data.getValue("parked." + i));
            }
            return new JsonObject().put("service", service).put("status", "UP")
                    .put("broker", data.getString("broker", "unknown"))
                    .put("backlog", number(data.getValue("backlog")))
                    .put("oldestUnsentAgeSeconds", number(data.getValue("oldestUnsentAgeSeconds")))
                    .put("parked", number(data.getValue("parked"))).put("parkedEvents", parked)
                    .put("unreachableSince", data.getValue("unreachableSince"))
                    .put("lastError", data.getValue("lastError"));
        }

        static JsonObject unreachable(String service, String why) {
            return new JsonObject().put("service", service).put("status", "UNREACHABLE").put("broker", "unknown")
                    .put("backlog", null).put("oldestUnsentAgeSeconds", null).put("parked", null)
                    .put("parkedEvents", new JsonArray()).put("unreachableSince", null).put("lastError", why);
        }

        private static Long number(Object value) {
            if (value instanceof Number n) {
                return n.longValue();
            }
            try {
                return value == null ? null : Long.parseLong(value.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
