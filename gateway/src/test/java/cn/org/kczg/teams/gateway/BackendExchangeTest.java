package cn.org.kczg.teams.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy's resets against a real server and a one-connection pool: a late reset of a finished exchange must not
 * close the connection the pool has since lent to the next request; a reset of an exchange still in flight must.
 */
class BackendExchangeTest {
    private Vertx vertx;
    private HttpClient client;
    private int port;
    /** Requests to {@code /held} wait here for the test to answer them. */
    private final AtomicReference<HttpServerRequest> held = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        HttpServer server = await(vertx.createHttpServer().requestHandler(request -> {
            switch (request.path()) {
                case "/held" -> held.set(request);
                case "/endless" -> request.response().setChunked(true).write("begun");
                default -> request.response().end("done");
            }
        }).listen(0, "127.0.0.1"));
        port = server.actualPort();
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(1));
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void aLateResetOfAFinishedExchangeLeavesItsConnectionToTheNextRequest() throws Exception {
        HttpClientRequest first = await(client.request(HttpMethod.GET, port, "127.0.0.1", "/first"));
        HttpClientRequest guarded = BackendExchange.guard(first, vertx, 60_000);
        // read to its end, so the connection goes back to the pool (its text is not what this test is about)
        assertEquals(200, (int) await(guarded.send().compose(r -> r.body().map(b -> r.statusCode()))));

        HttpClientRequest next = await(client.request(HttpMethod.GET, port, "127.0.0.1", "/held"));
        assertEquals(first.connection().localAddress(), next.connection().localAddress(), "the pool lent it again");
        Future<HttpClientResponse> answer = next.send();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> held.get() != null);
        // what vertx-http-proxy does when the client of the first request hangs up after reading its answer
        guarded.reset();
        held.get().response().end("still here");
        assertEquals("still here", await(answer.compose(HttpClientResponse::body)).toString());
    }

    @Test
    void aResetWhileTheBodyIsStillBeingSentCutsTheRequest() throws Exception {
        HttpClientRequest upload = await(client.request(HttpMethod.POST, port, "127.0.0.1", "/held"));
        HttpClientRequest guarded = BackendExchange.guard(upload.setChunked(true), vertx, 60_000);
        guarded.write("the first part");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> held.get() != null);
        guarded.reset();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> upload.response().failed()
                && held.get().response().closed());
    }

    @Test
    void anExchangeThatDoesNotFinishIsResetAfterTheGracePeriod() throws Exception {
        HttpClientRequest request = await(client.request(HttpMethod.GET, port, "127.0.0.1", "/endless"));
        HttpClientRequest guarded = BackendExchange.guard(request, vertx, 300);
        HttpClientResponse response = await(guarded.send());
        Future<Void> end = response.end();
        long resetAt = System.nanoTime();
        guarded.reset();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(end::failed);
        assertTrue(System.nanoTime() - resetAt >= TimeUnit.MILLISECONDS.toNanos(300), "reset only after the grace");
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
