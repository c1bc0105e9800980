package cn.org.kczg.teams.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.ConnectException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service's instances ({@code kczg.gateway.services.<name>} lists one or more base URLs, comma-separated):
 * requests go round-robin, and an instance that refuses the connection is skipped for the next one — safe to
 * retry, since nothing of the request reached it. Only when every instance refuses does the caller get 503.
 * The instances a request was already sent to ({@code tried}) are skipped too: see {@link ServiceForwarding}.
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
        return connect(client, idleTimeoutMillis, new HashSet<>());
    }

    /**
     * A request to the next instance not in {@code tried} that accepts the connection; each instance attempted is
     * added to {@code tried}. Fails with {@link NoSuchElementException} when every instance has been tried.
     */
    Future<HttpClientRequest> connect(HttpClient client, long idleTimeoutMillis, Set<URI> tried) {
        int start = Math.floorMod(next.getAndIncrement(), origins.size());
        return attempt(client, idleTimeoutMillis, start, 0, tried);
    }

    private Future<HttpClientRequest> attempt(HttpClient client, long idleTimeoutMillis, int start, int step,
            Set<URI> tried) {
        if (step == origins.size()) {
            return Future.failedFuture(new NoSuchElementException("every instance of " + service + " was tried"));
        }
        URI origin = origins.get((start + step) % origins.size());
        if (!tried.add(origin)) {
            return attempt(client, idleTimeoutMillis, start, step + 1, tried);
        }
        return client.request(new RequestOptions().setServer(SocketAddress.inetSocketAddress(port(origin),
                        origin.getHost())).setIdleTimeout(idleTimeoutMillis))
                .recover(failure -> step + 1 < origins.size() && refused(failure)
                        ? attempt(client, idleTimeoutMillis, start, step + 1, tried) : Future.failedFuture(failure));
    }

    /** Whether another instance is left to try. */
    boolean untried(Set<URI> tried) {
        return !tried.containsAll(origins);
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
