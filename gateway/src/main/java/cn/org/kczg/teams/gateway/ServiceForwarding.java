package cn.org.kczg.teams.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * How a request reaches one service: to the next of its instances over a pooled connection, the failures turned
 * into problems. A read (GET, HEAD, OPTIONS without a body) whose connection closed before any answer — the instance
 * is stopping, or closed an idle connection just as it was reused — goes once more, over a fresh connection, to
 * another instance when there is one, else to the same; a write is never sent twice, its caller gets the 502.
 */
final class ServiceForwarding implements ProxyInterceptor {
    private static final Logger LOG = Logger.getLogger(ServiceForwarding.class);

    private final Upstream upstream;
    private final HttpClient pooled;
    private final HttpClient fresh;
    private final Vertx vertx;
    private final long timeoutMillis;

    ServiceForwarding(Upstream upstream, HttpClient pooled, HttpClient fresh, Vertx vertx, long timeoutMillis) {
        this.upstream = upstream;
        this.pooled = pooled;
        this.fresh = fresh;
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Set<URI> tried = new HashSet<>();
        return send(request, pooled, tried)
                .recover(failure -> isRepeatableRead(request, failure)
                        ? send(request.setBody(null), fresh, upstream.untried(tried) ? tried : new HashSet<>())
                        : Future.failedFuture(failure))
                .recover(failure -> Future.succeededFuture(failed(context, failure)));
    }

    /** Connection and Keep-Alive describe the gateway's connection to the service, not the client's. */
    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        context.response().headers().remove("Connection").remove("Keep-Alive");
        return context.sendResponse();
    }

    private Future<ProxyResponse> send(ProxyRequest request, HttpClient client, Set<URI> tried) {
        return upstream.connect(client, timeoutMillis, tried)
                .compose(backend -> request.send(BackendExchange.guard(backend, vertx, timeoutMillis)));
    }

    /** A failure of the send itself means that no answer had begun: the service did not act on a read. */
    private static boolean isRepeatableRead(ProxyRequest request, Throwable failure) {
        HttpServerRequest edge = request.proxiedRequest();
        boolean read = edge.method() == HttpMethod.GET || edge.method() == HttpMethod.HEAD
                || edge.method() == HttpMethod.OPTIONS;
        boolean noBody = edge.getHeader("Transfer-Encoding") == null
                && (edge.getHeader("Content-Length") == null || "0".equals(edge.getHeader("Content-Length")));
        boolean closed = isCause(failure, HttpClosedException.class)
                || (isCause(failure, IOException.class) && !isCause(failure, ConnectException.class));
        return read && noBody && closed;
    }

    private ProxyResponse failed(ProxyContext context, Throwable failure) {
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
        LOG.warnf("Proxy to %s failed (%d): %s", upstream, status, failure.toString());
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
}
