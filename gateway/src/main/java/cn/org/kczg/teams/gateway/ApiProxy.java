package cn.org.kczg.teams.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

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

    @Inject
    GatewayConfig config;
    @Inject
    EdgeGuard guard;
    @Inject
    EventRoutes events;
    @Inject
    DeadLetterRoutes deadLetters;
    @Inject
    Vertx vertx;

    private RouteTable<Upstream> routes;
    private final Map<Upstream, HttpProxy> proxies = new ConcurrentHashMap<>();
    private HttpClient client;

    void init(@Observes StartupEvent event) {
        routes = RouteTable.services(config.routes(), config.services());
    }

    void register(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(50));
        router.route().order(-20).handler(ApiProxy::securityHeaders);
        router.route("/api/v1/*").order(-10).handler(this::handle);
    }

    /**
     * One proxy per service, over its instances, with failures turned into problems. A read (GET, HEAD, OPTIONS
     * without a body) whose instance closed the connection before answering — it is stopping — goes once more to
     * another instance; a write is never sent twice, its caller gets the 502.
     */
    private HttpProxy proxyTo(Upstream service) {
        return proxies.computeIfAbsent(service, upstream -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client);
            proxy.addInterceptor(new ProxyInterceptor() {
                @Override
                public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                    Set<URI> tried = new HashSet<>();
                    return send(context.request(), upstream, tried)
                            .recover(failure -> isRepeatableRead(context.request(), failure) && upstream.untried(tried)
                                    ? send(context.request().setBody(Body.body(Buffer.buffer())), upstream, tried)
                                    : Future.failedFuture(failure))
                            .recover(failure -> Future.succeededFuture(failed(context, upstream, failure)));
                }
            });
            return proxy;
        });
    }

    private Future<ProxyResponse> send(ProxyRequest request, Upstream upstream, Set<URI> tried) {
        return upstream.connect(client, config.timeout().toMillis(), tried).compose(request::send);
    }

    private static boolean isRepeatableRead(ProxyRequest request, Throwable failure) {
        HttpServerRequest edge = request.proxiedRequest();
        boolean read = edge.method() == HttpMethod.GET || edge.method() == HttpMethod.HEAD
                || edge.method() == HttpMethod.OPTIONS;
        boolean noBody = edge.getHeader("Transfer-Encoding") == null
                && (edge.getHeader("Content-Length") == null || "0".equals(edge.getHeader("Content-Length")));
        return read && noBody && isCause(failure, HttpClosedException.class);
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
        accessLog(ctx, requestId);
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxBodyBytes()) {
            problem(request.response().putHeader("Connection", "close"), 413, "payload-too-large",
                    "Payload too large", "The request body may be at most " + config.maxBodyBytes() + " bytes.",
                    request.path());
            return;
        }
        // the edge says who the client is; whatever a client sent as X-Forwarded-For is replaced
        if (request.remoteAddress() != null) {
            request.headers().set("X-Forwarded-For", request.remoteAddress().hostAddress());
        }
        if (events.owns(request.path())) {
            guard.admit(ctx, token -> events.handle(ctx, token));
            return;
        }
        if (deadLetters.owns(request.path())) {
            guard.admit(ctx, token -> deadLetters.handle(ctx, token));
            return;
        }
        Upstream target = routes.target(request.path()).orElse(null);
        if (target == null) {
            problem(request.response(), 404, "not-found", "Not found",
                    "No service serves " + request.path() + ".", request.path());
            return;
        }
        guard.admit(ctx, token -> forward(ctx, target));
    }

    private void forward(RoutingContext ctx, Upstream target) {
        proxyTo(target).handle(ctx.request());
    }

    /** One line per request: method, path, status, duration, request id, caller — never tokens or bodies. */
    private static void accessLog(RoutingContext ctx, String requestId) {
        long start = System.nanoTime();
        HttpServerRequest request = ctx.request();
        ctx.addEndHandler(done -> ACCESS.infof("%s %s %d %dms rid=%s sub=%s", request.method(), request.path(),
                ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000, requestId,
                ctx.get(EdgeGuard.SUBJECT) == null ? "-" : ctx.get(EdgeGuard.SUBJECT)));
    }

    private static ProxyResponse failed(ProxyContext context, Upstream service, Throwable failure) {
        int status;
        String code;
        String detail;
        if (isCause(failure, ConnectException.class)) {
            status = 503;
            code = "service-unavailable";
            detail = "The service behind this path is not reachable right now; try again shortly.";
        } else if (isCause(failure, TimeoutException.class) || String.valueOf(failure.getMessage()).contains("timeout")) {
            status = 504;
            code = "gateway-timeout";
            detail = "The service behind this path did not answer in time.";
        } else {
            status = 502;
            code = "bad-gateway";
            detail = "The service behind this path failed to answer properly.";
        }
        LOG.warnf("Proxy to %s failed (%d): %s", service, status, failure.toString());
        String path = context.request().proxiedRequest().path();
        ProxyResponse response = context.request().release().response().setStatusCode(status);
        if (status == 503) {
            response.putHeader("Retry-After", "5");
        }
        return response
                .putHeader("Content-Type", ProblemResponses.MEDIA_TYPE)
                .setBody(Body.body(ProblemResponses.body(status, code, statusTitle(status), detail, path)));
    }

    private static String statusTitle(int status) {
        return switch (status) {
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> "Bad gateway";
        };
    }

    private static boolean isCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static void problem(HttpServerResponse response, int status, String code, String title, String detail,
            String instance) {
        response.setStatusCode(status).putHeader("Content-Type", ProblemResponses.MEDIA_TYPE)
                .end(ProblemResponses.body(status, code, title, detail, instance));
    }
}
