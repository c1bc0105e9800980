package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.gateway.securitylog.SecurityLog;
import cn.org.kczg.teams.platform.privacy.LogSafe;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * {@code /api/v1/**}: checks the bearer token (when one is sent), stamps {@code X-Request-Id}, and
 * proxies to the owning service; answers 502/503/504 as problem+json when the service fails, is down
 * or is too slow. Requests without a token pass on: the services decide what anonymous callers may do.
 */
@ApplicationScoped
public class ApiProxy {
    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    private static final Logger ACCESS = Logger.getLogger("cn.org.kczg.teams.gateway.access");
    static final String REQUEST_ID = "X-Request-Id";
    /** The log context key of the request id, as the services name it. */
    static final String MDC_REQUEST_ID = "requestId";
    /** Longer request lines get a 414 problem here (Vert.x itself answers plain text above 16 KiB). */
    static final int MAX_URI_LENGTH = 8_192;
    private static final int KEEP_ALIVE_SECONDS = 30;

    @Inject
    GatewayConfig config;
    @Inject
    EdgeGuard guard;
    @Inject
    EventRoutes events;
    @Inject
    DeadLetterRoutes deadLetters;
    @Inject
    OutboxRoutes outbox;
    @Inject
    SecurityLog securityLog;
    @Inject
    PersonalDataAccessRoutes personalDataAccess;
    @Inject
    Vertx vertx;
    @Inject
    OpenTelemetry openTelemetry;

    private RouteTable<Upstream> routes;
    private ClientAddress clientAddress;
    private final Map<Upstream, HttpProxy> proxies = new ConcurrentHashMap<>();
    private HttpClient client;
    /** A new connection for every request: for the one retry of a read. */
    private HttpClient freshClient;

    void init(@Observes StartupEvent event) {
        routes = RouteTable.services(config.routes(), config.services());
        clientAddress = new ClientAddress(config.trustedProxies().orElse(List.of()));
    }

    void register(@Observes Router router) {
        int connectTimeout = (int) config.connectTimeout().toMillis();
        // the gateway lets an idle connection go long before a service would (Quarkus: after 30 minutes), so it
        // never sends a request down a connection the service is closing
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(connectTimeout)
                .setKeepAlive(true).setKeepAliveTimeout(KEEP_ALIVE_SECONDS).setMaxPoolSize(50));
        freshClient = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(connectTimeout)
                .setKeepAlive(false).setMaxPoolSize(50));
        router.route().order(-20).handler(ApiProxy::securityHeaders);
        router.route("/api/v1/*").order(-10).handler(this::handle);
        // after every other route: what nothing serves is a problem too (health and metrics live on the
        // management port)
        router.route().order(Integer.MAX_VALUE - 1).handler(ctx -> GatewayProblems.answer(ctx.request(), 404, "not-found",
                "not-served", ctx.request().path()));
        // a failure in one of the gateway's own routes is a problem too, never Quarkus' error page
        router.route().failureHandler(ctx -> {
            LOG.errorf(LogSafe.redacted(ctx.failure()), "Failed on %s (request %s)", ctx.request().path(),
                    ctx.request().getHeader(REQUEST_ID));
            if (!ctx.response().headWritten()) {
                String id = ctx.response().headers().get(REQUEST_ID);
                GatewayProblems.answer(ctx.request(), 500, "internal", "internal",
                        id != null ? id : String.valueOf(ctx.request().getHeader(REQUEST_ID)));
            }
        });
    }

    /** One proxy per service, over its instances: see {@link ServiceForwarding}. */
    private HttpProxy proxyTo(Upstream service) {
        return proxies.computeIfAbsent(service, upstream -> HttpProxy.reverseProxy(client).addInterceptor(
                new ServiceForwarding(upstream, client, freshClient, vertx, config.timeout().toMillis(),
                        config.bodyIdleTimeout().toMillis(), config.readinessPath(), config.readinessProbeInterval().toMillis(), config.publicBaseUrl(),
                        openTelemetry.getPropagators().getTextMapPropagator().fields())));
    }

    /** On every response, API or not. */
    static void securityHeaders(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("Referrer-Policy", "no-referrer");
        if (ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"))) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        ctx.next();
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
            requestId = UUID.randomUUID().toString();
            request.headers().set(REQUEST_ID, requestId);
        }
        request.response().putHeader(REQUEST_ID, requestId);
        // in every log line of the request (the request's own Vert.x context holds it)
        MDC.put(MDC_REQUEST_ID, requestId);
        accessLog(ctx, requestId);
        securityEvents(ctx, requestId);
        if (request.uri().length() > MAX_URI_LENGTH) {
            GatewayProblems.answer(request, 414, "uri-too-long", "uri-too-long", MAX_URI_LENGTH);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxBodyBytes()) {
            request.response().putHeader("Connection", "close");
            GatewayProblems.answer(request, 413, "payload-too-large", "payload-too-large", config.maxBodyBytes());
            return;
        }
        // the edge says who the client is (see ClientAddress); what a client wrote in X-Forwarded-For is replaced
        String client = clientAddress.of(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader("X-Forwarded-For"));
        ctx.put(EdgeGuard.CLIENT, client);
        request.headers().set("X-Forwarded-For", client);
        if (events.owns(request.path())) {
            guard.admit(ctx, token -> events.handle(ctx, token));
            return;
        }
        if (deadLetters.owns(request.path())) {
            guard.admit(ctx, token -> deadLetters.handle(ctx, token));
            return;
        }
        if (outbox.owns(request.path())) {
            guard.admit(ctx, token -> outbox.handle(ctx, token));
            return;
        }
        if (personalDataAccess.owns(request.path())) {
            guard.admit(ctx, token -> personalDataAccess.handle(ctx, token, routes));
            return;
        }
        Upstream target = routes.target(request.path()).orElse(null);
        if (target == null) {
            GatewayProblems.answer(request, 404, "not-found", "no-service", request.path());
            return;
        }
        guard.admit(ctx, token -> forward(ctx, target));
    }

    private void forward(RoutingContext ctx, Upstream target) {
        proxyTo(target).handle(ctx.request());
    }

    /**
     * 401/403/429 and staff's changes to the security log (path without query), as the answer's status line is
     * written: recorded before the caller can see the answer, so nothing it does next overtakes the record.
     */
    private void securityEvents(RoutingContext ctx, String requestId) {
        if (!securityLog.enabled()) {
            return;
        }
        HttpServerRequest request = ctx.request();
        ctx.addHeadersEndHandler(v -> securityLog.answered(request.method().name(), request.path(),
                ctx.response().getStatusCode(), requestId, ctx.get(EdgeGuard.SUBJECT), ctx.get(EdgeGuard.ROLES),
                ctx.get(EdgeGuard.CLIENT)));
    }

    /** One line per request: method, path, status, duration, request id, caller — never tokens or bodies. */
    private static void accessLog(RoutingContext ctx, String requestId) {
        long start = System.nanoTime();
        HttpServerRequest request = ctx.request();
        ctx.addEndHandler(done -> ACCESS.infof("%s %s %d %dms rid=%s sub=%s", request.method(), request.path(),
                ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000, requestId,
                ctx.get(EdgeGuard.SUBJECT) == null ? "-" : ctx.get(EdgeGuard.SUBJECT)));
    }

}
