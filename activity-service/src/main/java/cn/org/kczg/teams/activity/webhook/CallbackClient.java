package cn.org.kczg.teams.activity.webhook;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * POSTs one delivery to a checked {@link CallbackAddress.Target}: connects to its checked address (the host name
 * only for {@code Host}, SNI and the certificate check), follows no redirect, reads at most
 * {@value #MAX_RESPONSE_BYTES} bytes of the answer and gives up after the configured timeout.
 */
@ApplicationScoped
public class CallbackClient {
    static final int MAX_RESPONSE_BYTES = 16 * 1024;

    /** What the receiver answered: a status code, or why there was none. */
    public record Answer(Integer statusCode, String error) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    Vertx vertx;
    @Inject
    WebhookConfig config;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxRedirects(0)
                .setMaxPoolSize(20));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Sends; the future completes with the answer (never fails). */
    public Future<Answer> post(CallbackAddress.Target target, Map<String, String> headers, String body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setURI(target.pathAndQuery())
                .setSsl(target.https())
                .setFollowRedirects(false)
                .setTimeout(config.timeout().toMillis());
        headers.forEach(options::putHeader);
        Promise<Answer> answer = Promise.promise();
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .onSuccess(response -> {
                    Answer got = new Answer(response.statusCode(), response.statusCode() / 100 == 2 ? null
                            : "HTTP " + response.statusCode());
                    long[] read = {0};
                    try {
                        response.exceptionHandler(e -> answer.tryComplete(got));
                        response.endHandler(v -> answer.tryComplete(got));
                        response.handler(chunk -> {
                            read[0] += chunk.length();
                            if (read[0] > MAX_RESPONSE_BYTES) {
                                answer.tryComplete(got);
                                response.request().reset();
                            }
                        });
                    } catch (IllegalStateException ended) {
                        // an answer without a body (204) may have ended before these handlers were set
                        answer.tryComplete(got);
                    }
                })
                .onFailure(e -> answer.tryComplete(new Answer(null, describe(e))));
        return answer.future();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
