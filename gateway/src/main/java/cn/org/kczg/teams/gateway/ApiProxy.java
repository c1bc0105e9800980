package cn.org.kczg.teams.gateway;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
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
    private static final String SUBJECT = "kczg.subject";
    static final String REQUEST_ID = "X-Request-Id";

    @Inject
    GatewayConfig config;
    @Inject
    JWTParser jwtParser;
    @Inject
    Vertx vertx;

    private RouteTable<URI> routes;
    private RateLimiter limiter;
    private final Map<URI, HttpProxy> proxies = new ConcurrentHashMap<>();
    private HttpClient client;

    void init(@Observes StartupEvent event) {
        routes = RouteTable.services(config.routes(), config.services());
        limiter = new RateLimiter(config.rateLimits());
        vertx.setPeriodic(60_000, id -> limiter.evictIdle());
    }

    void register(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(50));
        router.route().order(-20).handler(ApiProxy::securityHeaders);
        router.route("/api/v1/*").order(-10).handler(this::handle);
    }

    /** One proxy per service, each with its origin fixed and failures turned into problems. */
    private HttpProxy proxyTo(URI service) {
        return proxies.computeIfAbsent(service, uri -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client);
            proxy.originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                    .setServer(SocketAddress.inetSocketAddress(port(uri), uri.getHost()))
                    .setIdleTimeout(config.timeout().toMillis())));
            proxy.addInterceptor(new ProxyInterceptor() {
                @Override
                public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                    return context.sendRequest().recover(failure -> Future.succeededFuture(
                            failed(context, uri, failure)));
                }
            });
            return proxy;
        });
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
        URI target = routes.target(request.path()).orElse(null);
        if (target == null) {
            problem(request.response(), 404, "not-found", "Not found",
                    "No service serves " + request.path() + ".", request.path());
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
            if (withinLimit(ctx, "ip:" + address, false)) {
                forward(ctx, target);
            }
            return;
        }
        request.pause();
        vertx.<Optional<JsonWebToken>>executeBlocking(() -> verified(authorization), false).onComplete(result -> {
            if (result.succeeded() && result.result().isPresent()) {
                JsonWebToken token = result.result().get();
                ctx.put(SUBJECT, token.getSubject());
                String partner = token.getClaim("partner") == null ? null : String.valueOf(token.<Object>getClaim("partner"));
                if (withinLimit(ctx, partner != null ? "partner:" + partner : "sub:" + token.getSubject(),
                        partner != null)) {
                    forward(ctx, target);
                } else {
                    request.resume();
                }
            } else {
                request.resume();
                request.response().putHeader("WWW-Authenticate", "Bearer");
                problem(request.response(), 401, "unauthorized", "Unauthorized",
                        "Send a valid bearer token in the Authorization header.", request.path());
            }
        });
    }

    private void forward(RoutingContext ctx, URI target) {
        proxyTo(target).handle(ctx.request());
    }

    /**
     * Counts the request against the caller's budget for the path's group; answers 429 with Retry-After when
     * it is spent. Every answer says how much is left ({@code RateLimit-Limit}, {@code RateLimit-Remaining}).
     */
    private boolean withinLimit(RoutingContext ctx, String caller, boolean partner) {
        RateLimiter.Decision decision = limiter.take(ctx.request().path(), caller, partner);
        HttpServerResponse response = ctx.response();
        if (decision.limit() > 0) {
            response.putHeader("RateLimit-Limit", String.valueOf(decision.limit()))
                    .putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        }
        if (decision.allowed()) {
            return true;
        }
        response.putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        problem(response, 429, "rate-limited", "Too many requests", "This caller has used its "
                + decision.limit() + " requests for these paths; try again in " + decision.retryAfterSeconds()
                + " seconds.", ctx.request().path());
        return false;
    }

    /** The token when its signature, issuer, audience and expiry check out. */
    private Optional<JsonWebToken> verified(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            return Optional.of(jwtParser.parse(authorization.substring(7).trim()));
        } catch (ParseException e) {
            LOG.debugf("Rejected token: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** One line per request: method, path, status, duration, request id, caller — never tokens or bodies. */
    private static void accessLog(RoutingContext ctx, String requestId) {
        long start = System.nanoTime();
        HttpServerRequest request = ctx.request();
        ctx.addEndHandler(done -> ACCESS.infof("%s %s %d %dms rid=%s sub=%s", request.method(), request.path(),
                ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000, requestId,
                ctx.get(SUBJECT) == null ? "-" : ctx.get(SUBJECT)));
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static ProxyResponse failed(ProxyContext context, URI service, Throwable failure) {
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
