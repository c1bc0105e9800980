package cn.org.kczg.teams.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.ConnectException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service's instances ({@code kczg.gateway.services.<name>} lists one or more base URLs, comma-separated):
 * requests go round-robin, and an instance that refuses the connection is skipped for the next one — safe to
 * retry, since nothing of the request reached it. Only when every instance refuses does the caller get 503.
 */
final class Upstream {
    private final String service;
    private final List<URI> origins;
    private final AtomicInteger next = new AtomicInteger();

    Upstream(String service, String baseUrls) {
        this.service = service;
        this.origins = Arrays.stream(baseUrls.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(URI::create).toList();
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("service " + service + " has no base URL");
        }
    }

    String service() {
        return service;
    }

    List<URI> origins() {
        return origins;
    }

    /** A request to the next instance that accepts the connection. */
    Future<HttpClientRequest> connect(HttpClient client, long idleTimeoutMillis) {
        int start = Math.floorMod(next.getAndIncrement(), origins.size());
        return attempt(client, idleTimeoutMillis, start, 0);
    }

    private Future<HttpClientRequest> attempt(HttpClient client, long idleTimeoutMillis, int start, int tried) {
        URI origin = origins.get((start + tried) % origins.size());
        return client.request(new RequestOptions().setServer(SocketAddress.inetSocketAddress(port(origin),
                        origin.getHost())).setIdleTimeout(idleTimeoutMillis))
                .recover(failure -> tried + 1 < origins.size() && refused(failure)
                        ? attempt(client, idleTimeoutMillis, start, tried + 1) : Future.failedFuture(failure));
    }

    private static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return service + origins;
    }
}
