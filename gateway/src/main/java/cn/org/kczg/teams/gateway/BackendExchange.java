package cn.org.kczg.teams.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The backend request as the proxy gets it, with a safer {@code reset()}.
 *
 * <p>vertx-http-proxy resets the backend request when the edge connection fails — also when a client that sent
 * {@code Connection: close} has read every byte of the answer and hung up before the gateway saw the backend's end
 * of it. Vert.x then closes the backend connection if that response had ended (eclipse-vertx/vert.x#6294), even though
 * the pool may already have lent it to the next request, which fails with "Connection was closed": the gateway's
 * sporadic 502s. So a reset goes through only while the request is still being sent — its connection is then its
 * own. Once sent, the exchange is left to finish (the rest of the answer is read and dropped, the connection goes
 * back to the pool), and is reset only if it has not finished within {@code graceMillis}: then it is still in
 * flight and its connection is still its own.
 */
final class BackendExchange implements InvocationHandler {
    private final HttpClientRequest request;
    private final Vertx vertx;
    private final long graceMillis;
    private volatile boolean sent;
    private final AtomicBoolean abandoned = new AtomicBoolean();

    private BackendExchange(HttpClientRequest request, Vertx vertx, long graceMillis) {
        this.request = request;
        this.vertx = vertx;
        this.graceMillis = graceMillis;
    }

    static HttpClientRequest guard(HttpClientRequest request, Vertx vertx, long graceMillis) {
        return (HttpClientRequest) Proxy.newProxyInstance(HttpClientRequest.class.getClassLoader(),
                new Class<?>[] {HttpClientRequest.class}, new BackendExchange(request, vertx, graceMillis));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("reset") && sent) {
            abandon();
            return true;
        }
        if (method.getName().equals("end") || method.getName().equals("send")) {
            sent = true;
        }
        try {
            Object result = method.invoke(request, args);
            return result == request ? proxy : result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void abandon() {
        if (!abandoned.compareAndSet(false, true)) {
            return;
        }
        Future<HttpClientResponse> response = request.response();
        response.onSuccess(HttpClientResponse::resume);
        Future<Void> finished = response.compose(HttpClientResponse::end);
        vertx.setTimer(graceMillis, id -> {
            if (!finished.isComplete()) {
                request.reset();
            }
        });
    }
}
