package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.platform.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * How a request reaches one service: to the next of its instances over a pooled connection, the failures turned
 * into problems. A read (GET, HEAD, OPTIONS without a body) whose connection closed before any answer — the instance
 * is stopping, or closed an idle connection just as it was reused — goes once more, over a fresh connection, to
 * another instance when there is one, else to the same; a write is never sent twice, its caller gets the 502 at once.
 *
 * <p>An instance that answers {@code Connection: close} (Quarkus does so from its SIGTERM on, while it still serves
 * during {@code quarkus.shutdown.delay}) or hangs up is set aside (see {@link Upstream}): new requests go to the
 * others, so none is in flight to it when it closes. The instances set aside are asked for their readiness every
 * {@code kczg.gateway.readiness-probe-interval} (1 s); one that answers 200 without {@code Connection: close} is
 * back in rotation. A failure to get a connection at all is tried on the next instance by {@link Upstream}, writes
 * too: nothing of the request was written.
 *
 * <p>Tracing: Quarkus's Vert.x tracing gives each proxied request a client span, a child of the request's server
 * span, and adds its {@code traceparent} to the request it sends. The copy of the client's own trace headers the
 * proxy would send beside it is removed first, so the service has one parent: the gateway's span.
 */
final class ServiceForwarding implements ProxyInterceptor {
    private static final Logger LOG = Logger.getLogger(ServiceForwarding.class);
    /** The instance the request went to, in the proxy context. */
    private static final String ORIGIN = "kczg.origin";
    /** The {@link BodyWatch} over the request's body, in the proxy context. */
    private static final String BODY = "kczg.body";

    private final Upstream upstream;
    private final HttpClient pooled;
    private final HttpClient fresh;
    private final Vertx vertx;
    private final long timeoutMillis;
    private final long bodyIdleMillis;
    private final String readinessPath;
    private final Optional<String> publicBaseUrl;
    private final Collection<String> traceHeaders;
    private final Set<URI> probing = ConcurrentHashMap.newKeySet();

    ServiceForwarding(Upstream upstream, HttpClient pooled, HttpClient fresh, Vertx vertx, long timeoutMillis,
            long bodyIdleMillis, String readinessPath, long probeMillis, Optional<String> publicBaseUrl,
            Collection<String> traceHeaders) {
        this.upstream = upstream;
        this.pooled = pooled;
        this.fresh = fresh;
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
        this.bodyIdleMillis = bodyIdleMillis;
        this.readinessPath = readinessPath;
        this.publicBaseUrl = publicBaseUrl;
        this.traceHeaders = List.copyOf(traceHeaders);
        if (upstream.origins().size() > 1) {
            vertx.setPeriodic(probeMillis, id -> upstream.setAside().forEach(this::probe));
        }
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        // the tracer writes the gateway's own (the client's were read into the server span already)
        traceHeaders.forEach(request.headers()::remove);
        chunkUnsizedHttp2Body(request.proxiedRequest());
        watchBody(context);
        Set<URI> tried = new HashSet<>();
        return send(context, pooled, tried)
                .recover(failure -> {
                    if (!isRepeatableRead(request, failure)) {
                        return Future.failedFuture(failure);
                    }
                    request.setBody(null);
                    return send(context, fresh, upstream.untried(tried) ? tried : new HashSet<>());
                })
                .recover(failure -> Future.succeededFuture(stalled(context) ? bodyNeverCame(context)
                        : failed(context, failure)));
    }

    /**
     * An HTTP/2 request (one upgraded from h2c too: the upgrade drops its Transfer-Encoding) whose length no
     * Content-Length gives would reach the service without its body — the proxy streams a body of unknown length
     * only when the client's headers say chunked. Say so for it.
     */
    static void chunkUnsizedHttp2Body(HttpServerRequest edge) {
        if (edge.version() == HttpVersion.HTTP_2 && edge.getHeader("Content-Length") == null
                && (edge.method() == HttpMethod.POST || edge.method() == HttpMethod.PUT
                        || edge.method() == HttpMethod.PATCH)) {
            edge.headers().set("transfer-encoding", "chunked");
        }
    }

    private void watchBody(ProxyContext context) {
        Body body = context.request().getBody();
        if (body != null && body.length() != 0) {
            BodyWatch watch = new BodyWatch(body.stream(), vertx, bodyIdleMillis);
            context.request().setBody(Body.body(watch, body.length()));
            context.set(BODY, watch);
        }
    }

    private static boolean stalled(ProxyContext context) {
        BodyWatch watch = context.get(BODY, BodyWatch.class);
        return watch != null && watch.stalled();
    }

    private ProxyResponse bodyNeverCame(ProxyContext context) {
        return problem(context, 400, "request-body-incomplete", "body-incomplete", bodyIdleMillis);
    }

    /**
     * Connection and Keep-Alive describe the gateway's connection to the service, not the client's; a
     * {@code Connection: close} says the instance is stopping.
     */
    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        URI origin = context.get(ORIGIN, URI.class);
        if (origin != null && closes(context.response().headers().get("Connection"))) {
            upstream.setAside(origin, "it answered Connection: close, it is stopping");
        }
        context.response().headers().remove("Connection").remove("Keep-Alive");
        String location = context.response().headers().get("Location");
        if (location != null) {
            context.response().headers().set("Location", PublicLocation.of(location, publicBaseUrl));
        }
        return context.sendResponse();
    }

    private Future<ProxyResponse> send(ProxyContext context, HttpClient client, Set<URI> tried) {
        ProxyRequest request = context.request();
        return upstream.connect(client, timeoutMillis, tried).compose(backend -> {
            // over a fresh connection the gateway itself asks for Connection: close, and the answer says it again
            context.set(ORIGIN, client == pooled ? backend.origin() : null);
            return request.send(BackendExchange.guard(backend.request(), vertx, timeoutMillis))
                    .onFailure(failure -> {
                        if (isClosed(failure) && !stalled(context)) {
                            upstream.setAside(backend.origin(), "it hung up on a request, it may be stopping");
                        }
                    });
        });
    }

    /**
     * Back in rotation once it answers its readiness 200, as an instance that is not closing: over a keep-alive
     * connection, which a stopping Quarkus answers with {@code Connection: close} (and readiness 503).
     */
    private void probe(URI origin) {
        if (!probing.add(origin)) {
            return;
        }
        pooled.request(new RequestOptions().setServer(SocketAddress.inetSocketAddress(Upstream.port(origin),
                        origin.getHost())).setMethod(HttpMethod.GET).setURI(readinessPath).setIdleTimeout(2000))
                .compose(probe -> probe.send())
                .compose(answer -> answer.end().map(done -> answer.statusCode() == 200
                        && !closes(answer.getHeader("Connection"))))
                .onComplete(ready -> {
                    probing.remove(origin);
                    if (ready.succeeded() && ready.result()) {
                        upstream.restore(origin);
                    }
                });
    }

    private static boolean closes(String connection) {
        return connection != null && Arrays.stream(connection.split(",")).anyMatch(t -> t.strip()
                .equalsIgnoreCase("close"));
    }

    /** The connection closed or was reset under the request: not a refusal, not a timeout. */
    private static boolean isClosed(Throwable failure) {
        return isCause(failure, HttpClosedException.class)
                || (isCause(failure, IOException.class) && !isCause(failure, ConnectException.class));
    }

    /** A failure of the send itself means that no answer had begun: the service did not act on a read. */
    private static boolean isRepeatableRead(ProxyRequest request, Throwable failure) {
        HttpServerRequest edge = request.proxiedRequest();
        boolean read = edge.method() == HttpMethod.GET || edge.method() == HttpMethod.HEAD
                || edge.method() == HttpMethod.OPTIONS;
        boolean noBody = edge.getHeader("Transfer-Encoding") == null
                && (edge.getHeader("Content-Length") == null || "0".equals(edge.getHeader("Content-Length")));
        return read && noBody && isClosed(failure);
    }

    private ProxyResponse failed(ProxyContext context, Throwable failure) {
        int status;
        String code;
        String detail;
        if (isCause(failure, ConnectException.class)) {
            status = 503;
            code = "service-unavailable";
            detail = "upstream.unreachable";
        } else if (isCause(failure, TimeoutException.class) || String.valueOf(failure.getMessage()).contains("timeout")) {
            status = 504;
            code = "gateway-timeout";
            detail = "upstream.timeout";
        } else {
            status = 502;
            code = "bad-gateway";
            detail = "upstream.failed";
        }
        LOG.warnf("Proxy to %s failed (%d): %s", upstream, status, failure.toString());
        ProxyResponse response = problem(context, status, code, detail);
        if (status == 503) {
            response.putHeader("Retry-After", "5");
        }
        return response;
    }

    /**
     * A problem instead of the service's answer. When the client has not sent all of its body, its connection is
     * closed after the answer: where that body would end is unknown (HTTP/1; HTTP/2 ends just the stream).
     */
    private static ProxyResponse problem(ProxyContext context, int status, String code, String key, Object... args) {
        HttpServerRequest edge = context.request().proxiedRequest();
        if (!edge.isEnded() && edge.version() != HttpVersion.HTTP_2) {
            edge.response().endHandler(done -> edge.connection().close());
        }
        return withoutBody(context.request()).response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Body.body(GatewayProblems.body(edge, status, code, key, args)));
    }

    /**
     * The request without its body; what the client still sends of it is read and dropped. Not
     * {@code ProxyRequest.release()}: that resumes the client's request even when it has been read to its end, and an
     * HTTP/2 request (java.net.http clients upgrade to HTTP/2 by default) then throws "Request has already been read"
     * — the problem was never sent, and the client waited until its own timeout.
     */
    private static ProxyRequest withoutBody(ProxyRequest request) {
        request.setBody(null);
        HttpServerRequest edge = request.proxiedRequest();
        if (!edge.isEnded()) {
            edge.resume();
        }
        return request;
    }

    private static boolean isCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
