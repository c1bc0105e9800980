package cn.org.kczg.teams.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * {@code /q/openapi} at the gateway: the services' documents merged into one ({@link OpenApiMerger}), as YAML,
 * or JSON with {@code ?format=json}. Fetched when asked and kept for a minute; a service that does not answer
 * is left out and named in {@code x-kczg-missing}. Swagger UI on it at {@code /q/swagger-ui/}.
 */
@ApplicationScoped
public class ApiDocument {
    private static final Logger LOG = Logger.getLogger(ApiDocument.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long KEEP_MILLIS = 60_000;

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private HttpClient client;
    private Map<String, JsonNode> examples;
    private JsonNode gatewayOwn;
    private volatile ObjectNode cached;
    private volatile long cachedAt;

    void register(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
        examples = loadExamples();
        gatewayOwn = resource("/openapi-gateway.json");
        router.get("/q/openapi").handler(this::serve);
        // Swagger UI on the merged document: our page and start-up script, Swagger UI's own files
        // (Vert.x matches /q/swagger-ui and /q/swagger-ui/ alike)
        router.get("/q/swagger-ui").handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8").sendFile("swagger-ui/index.html");
            } else {
                ctx.redirect("/q/swagger-ui/");
            }
        });
        router.get("/q/swagger-ui/kczg-init.js").handler(ctx -> ctx.response().sendFile("swagger-ui/kczg-init.js"));
        router.get("/q/swagger-ui/*").handler(StaticHandler.create("META-INF/resources/openapi-ui")
                .setDefaultContentEncoding("UTF-8"));
    }

    private void serve(RoutingContext ctx) {
        document().onComplete(result -> {
            if (result.failed()) {
                GatewayProblems.answer(ctx.request(), 502, "bad-gateway", "openapi.unassembled");
                return;
            }
            try {
                if ("json".equalsIgnoreCase(ctx.request().getParam("format"))) {
                    ctx.response().putHeader("Content-Type", "application/json;charset=UTF-8")
                            .end(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.result()));
                } else {
                    ctx.response().putHeader("Content-Type", "application/yaml;charset=UTF-8")
                            .end(new YAMLMapper().writeValueAsString(result.result()));
                }
            } catch (IOException e) {
                ctx.fail(e);
            }
        });
    }

    Future<ObjectNode> document() {
        ObjectNode doc = cached;
        if (doc != null && System.currentTimeMillis() - cachedAt < KEEP_MILLIS) {
            return Future.succeededFuture(doc);
        }
        Map<String, String> services = new TreeMap<>(config.services());
        Map<String, Future<JsonNode>> fetches = new LinkedHashMap<>();
        services.forEach((name, bases) -> fetches.put(name, fetch(new Upstream(name, bases))));
        return Future.join(new ArrayList<>(fetches.values())).transform(ignored -> {
            Map<String, JsonNode> docs = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            fetches.forEach((name, fetch) -> {
                if (fetch.succeeded()) {
                    docs.put(name, fetch.result());
                } else {
                    LOG.warnf("No API document from %s: %s", name, fetch.cause().toString());
                    missing.add(name);
                }
            });
            docs.put("gateway", gatewayOwn); // its own operations: the event stream and the dead letters
            ObjectNode merged = OpenApiMerger.merge(docs, examples);
            if (missing.isEmpty()) {
                cached = merged;
                cachedAt = System.currentTimeMillis();
            } else {
                missing.forEach(merged.putArray("x-kczg-missing")::add);
            }
            return Future.succeededFuture(merged);
        });
    }

    private Future<JsonNode> fetch(Upstream service) {
        return service.connect(client, 5000)
                .compose(request -> request.setMethod(HttpMethod.GET).setURI("/q/openapi?format=json").send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(body -> {
                    try {
                        return JSON.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static Map<String, JsonNode> loadExamples() {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        resource("/openapi-examples.json").fields().forEachRemaining(e -> examples.put(e.getKey(), e.getValue()));
        return examples;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = ApiDocument.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
