package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.testkit.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server standing in for the services behind the gateway: it echoes what reached it
 * and, on {@code /slow}, never answers. "review" points at a port where nothing listens; "evaluation" has an
 * instance that hangs up on every request it reads (an instance stopping with the request in flight); "flaky" has
 * a single instance, which hangs up on the first request for each path and answers the next; "dropping" and
 * "resetting" read a whole request and then close the connection (or reset it) without a word; "stopping" has an
 * instance that can be told to behave as a Quarkus instance after SIGTERM (Connection: close, readiness 503).
 */
public class EchoBackendResource implements QuarkusTestResourceLifecycleManager {
    static final AtomicInteger HITS = new AtomicInteger();
    /** Hits per echo instance ("registration" has two: the gateway must balance over them). */
    static final Map<Integer, AtomicInteger> HITS_BY_PORT = new java.util.concurrent.ConcurrentHashMap<>();
    static final AtomicReference<JsonObject> LAST = new AtomicReference<>();
    static final AtomicInteger HUNG_UP = new AtomicInteger();
    /** Requests ("GET /api/v1/flaky/…") that reached the "flaky" service's single instance. */
    static final Map<String, AtomicInteger> HITS_BY_REQUEST = new java.util.concurrent.ConcurrentHashMap<>();
    /** Whether the "stopping" instance is stopping (answers with Connection: close, readiness 503). */
    static final java.util.concurrent.atomic.AtomicBoolean STOPPING = new java.util.concurrent.atomic.AtomicBoolean();
    /** Requests the "stopping" instance answered (not its readiness). */
    static final AtomicInteger STOPPING_HITS = new AtomicInteger();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int port = FreePorts.next();
        int second = FreePorts.next();
        for (int p : new int[] {port, second}) {
            echoOn(p);
        }
        int hangingUp = FreePorts.next();
        listen(hangingUp, request -> {
            if (request.path().startsWith("/api/")) { // not the gateway's readiness probes
                HUNG_UP.incrementAndGet();
            }
            request.connection().close();
        });
        int hangingUpOnce = FreePorts.next();
        listen(hangingUpOnce, request -> {
            int hit = HITS_BY_REQUEST.computeIfAbsent(request.method() + " " + request.path(), k -> new AtomicInteger())
                    .incrementAndGet();
            if (hit == 1) {
                request.connection().close();
            } else {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("method", request.method().name()).put("hit", hit).encode());
            }
        });
        // read the whole request, body and all, then close the connection without a word: an instance that stops
        // with a write in flight; "resetting" does the same with a TCP reset (SO_LINGER 0)
        int dropping = FreePorts.next();
        listen(dropping, new HttpServerOptions(), EchoBackendResource::readThenClose);
        int resetting = FreePorts.next();
        listen(resetting, new HttpServerOptions().setSoLinger(0), EchoBackendResource::readThenClose);
        // an instance that can be told to stop as Quarkus does: it still answers everything, with Connection: close,
        // and its readiness is 503 ("registration-windows" goes to it and to an echo instance)
        int stopping = FreePorts.next();
        listen(stopping, request -> request.body().onSuccess(body -> {
            boolean closing = STOPPING.get();
            if (request.path().equals("/q/health/ready")) {
                request.response().setStatusCode(closing ? 503 : 200).end();
                return;
            }
            STOPPING_HITS.incrementAndGet();
            if (closing) {
                request.response().putHeader("Connection", "close");
            }
            request.response().putHeader("Content-Type", "application/json").putHeader("X-Served-By", "stopping")
                    .end(new JsonObject().put("method", request.method().name()).encode());
        }));
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "kczg.gateway.services.stopping", "http://127.0.0.1:" + stopping + ",http://127.0.0.1:" + second,
                "kczg.gateway.routes.stopping", "stopping",
                "kczg.gateway.readiness-probe-interval", "200ms",
                // one instance only, which hangs up on the first request for each path
                "kczg.gateway.services.flaky", "http://127.0.0.1:" + hangingUpOnce,
                "kczg.gateway.routes.flaky", "flaky",
                "kczg.gateway.services.dropping", "http://127.0.0.1:" + dropping,
                "kczg.gateway.routes.dropping", "dropping",
                "kczg.gateway.services.resetting", "http://127.0.0.1:" + resetting,
                "kczg.gateway.routes.resetting", "resetting"));
        config.putAll(Map.of(
                "kczg.gateway.services.evaluation", "http://127.0.0.1:" + hangingUp + ",http://127.0.0.1:" + second,
                "kczg.gateway.services.registration", "http://127.0.0.1:" + port + ", http://127.0.0.1:" + second,
                // one instance down: the gateway must fail over to the other
                "kczg.gateway.services.activity", "http://127.0.0.1:" + FreePorts.next() + ",http://127.0.0.1:" + port,
                "kczg.gateway.services.review", "http://127.0.0.1:" + FreePorts.next(),
                "kczg.gateway.timeout", "1s",
                "kczg.gateway.max-body-bytes", "1000",
                "kczg.gateway.rate-limits.paths.calendar", "tight",
                "kczg.gateway.rate-limits.groups.tight.limit", "3",
                "kczg.gateway.rate-limits.groups.tight.partner-limit", "5",
                "kczg.gateway.rate-limits.groups.tight.period", "1h"));
        // the tests' own address is the proxy in front of the gateway: X-Forwarded-For names the client
        config.put("kczg.gateway.trusted-proxies", "127.0.0.1/32,::1");
        // below the 1 s timeout: a body that never comes is a 400, not a 504
        config.put("kczg.gateway.body-idle-timeout", "300ms");
        config.put("kczg.gateway.security-log.dir", SECURITY_LOG.toString());
        return config;
    }

    /** Where the gateway under test keeps its security log (SecurityLogTests). */
    static final java.nio.file.Path SECURITY_LOG = java.nio.file.Path
            .of("target", "security-log-" + java.util.UUID.randomUUID()).toAbsolutePath();

    private void echoOn(int port) {
        HITS_BY_PORT.put(port, new AtomicInteger());
        listen(port, request -> request.body().onSuccess(body -> {
                HITS.incrementAndGet();
                HITS_BY_PORT.get(port).incrementAndGet();
                if (request.path().endsWith("/slow")) {
                    return;
                }
                JsonObject echo = new JsonObject()
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("authorization", request.getHeader("Authorization"))
                        .put("requestId", request.getHeader("X-Request-Id"))
                        .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                        .put("traceparent", new io.vertx.core.json.JsonArray(request.headers().getAll("traceparent")))
                        .put("body", body.toString());
                LAST.set(echo);
                request.response().putHeader("Content-Type", "application/json").end(echo.encode());
            }));
    }

    private static void readThenClose(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            HITS_BY_REQUEST.computeIfAbsent(request.method() + " " + request.path(), k -> new AtomicInteger())
                    .incrementAndGet();
            request.connection().close();
        });
    }

    private void listen(int port, io.vertx.core.Handler<HttpServerRequest> handler) {
        listen(port, new HttpServerOptions(), handler);
    }

    private void listen(int port, HttpServerOptions options, io.vertx.core.Handler<HttpServerRequest> handler) {
        try {
            vertx.createHttpServer(options).requestHandler(handler).listen(port, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test backend did not start", e);
        }
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
