package cn.org.kczg.teams.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A service's instances ({@code kczg.gateway.services.<name>} lists one or more base URLs, comma-separated):
 * requests go round-robin. An instance that fails to give the gateway a connection (refused, timed out, closed before
 * the request had one) is skipped for the next one — safe for any request, since nothing of it was written yet. Only
 * when every instance fails does the caller get the failure (503 when refused). The instances a request was already
 * sent to ({@code tried}) are skipped too: see {@link ServiceForwarding}.
 *
 * <p>An instance that is stopping (it answered {@code Connection: close}, or hung up, or refused a connection) is
 * <em>set aside</em>: it gets new requests only when no other instance is left, until {@link ServiceForwarding}'s
 * readiness probe finds it ready again. So the gateway stops sending to an instance within one answer of its SIGTERM,
 * while the instance still serves what it has (the services' {@code quarkus.shutdown.delay}).
 */
final class Upstream {
    private static final Logger LOG = Logger.getLogger(Upstream.class);

    private final String service;
    private final List<URI> origins;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<URI> setAside = ConcurrentHashMap.newKeySet();

    /** The instance a request went to, and the request. */
    record Lent(URI origin, HttpClientRequest request) {
    }

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

    /** A request to the next instance that accepts the connection (the gateway's own requests: nothing set aside). */
    Future<HttpClientRequest> connect(HttpClient client, long idleTimeoutMillis) {
        return connect(client, idleTimeoutMillis, new HashSet<>(), false).map(Lent::request);
    }

    /**
     * A request to the next instance not in {@code tried} that gives a connection, instances set aside last; each
     * instance attempted is added to {@code tried}. Fails with {@link NoSuchElementException} when every instance has
     * been tried.
     */
    Future<Lent> connect(HttpClient client, long idleTimeoutMillis, Set<URI> tried) {
        return connect(client, idleTimeoutMillis, tried, true);
    }

    private Future<Lent> connect(HttpClient client, long idleTimeoutMillis, Set<URI> tried, boolean setAsideFailed) {
        int start = Math.floorMod(next.getAndIncrement(), origins.size());
        List<URI> order = new ArrayList<>(origins.size());
        for (int i = 0; i < origins.size(); i++) {
            order.add(origins.get((start + i) % origins.size()));
        }
        order.sort(Comparator.comparing(setAside::contains)); // stable: round-robin among the ones in rotation
        return attempt(client, idleTimeoutMillis, order, 0, tried, setAsideFailed);
    }

    private Future<Lent> attempt(HttpClient client, long idleTimeoutMillis, List<URI> order, int step,
            Set<URI> tried, boolean setAsideFailed) {
        if (step == order.size()) {
            return Future.failedFuture(new NoSuchElementException("every instance of " + service + " was tried"));
        }
        URI origin = order.get(step);
        if (!tried.add(origin)) {
            return attempt(client, idleTimeoutMillis, order, step + 1, tried, setAsideFailed);
        }
        return client.request(new RequestOptions().setServer(SocketAddress.inetSocketAddress(port(origin),
                        origin.getHost())).setIdleTimeout(idleTimeoutMillis))
                .map(request -> new Lent(origin, request))
                .recover(failure -> {
                    // no connection, so not a byte of the request was written: the next instance may have it
                    if (setAsideFailed) {
                        setAside(origin, "no connection: " + failure.getMessage());
                    }
                    return untried(tried) ? attempt(client, idleTimeoutMillis, order, step + 1, tried, setAsideFailed)
                            : Future.failedFuture(failure);
                });
    }

    /** Whether another instance is left to try. */
    boolean untried(Set<URI> tried) {
        return !tried.containsAll(origins);
    }

    /** Out of rotation until {@link #restore}; a no-op for the only instance (it takes every request anyway). */
    void setAside(URI origin, String why) {
        if (origins.size() > 1 && setAside.add(origin)) {
            LOG.infof("%s instance %s set aside (%s): new requests go to the other instances until it is ready",
                    service, origin, why);
        }
    }

    void restore(URI origin) {
        if (setAside.remove(origin)) {
            LOG.infof("%s instance %s is ready: back in rotation", service, origin);
        }
    }

    /** The instances set aside, for the readiness probe. */
    Set<URI> setAside() {
        return Set.copyOf(setAside);
    }

    static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return service + origins;
    }
}
