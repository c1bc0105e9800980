package cn.org.kczg.teams.gateway;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to a service that fails once the client sends nothing of it for {@code idleMillis}
 * while the gateway is reading: a body promised by {@code Content-Length} that never arrives is answered 400 at
 * once, instead of holding a service's request open until the gateway's timeout (504). The clock stops while the
 * service is not reading (back-pressure), so a slow service does not count against the client.
 */
final class BodyWatch implements ReadStream<Buffer> {
    /** What the stream fails with: the client stopped sending its body. */
    static final class BodyStalled extends RuntimeException {
        BodyStalled(long idleMillis) {
            super("no part of the request body arrived for " + idleMillis + " ms", null, false, false);
        }
    }

    private final ReadStream<Buffer> body;
    private final Vertx vertx;
    private final long idleMillis;
    private Handler<Throwable> exceptionHandler;
    private long timer = -1;
    private boolean paused;
    private volatile boolean stalled;
    private boolean ended;

    BodyWatch(ReadStream<Buffer> body, Vertx vertx, long idleMillis) {
        this.body = body;
        this.vertx = vertx;
        this.idleMillis = idleMillis;
    }

    /** Whether the body failed because the client stopped sending it. */
    boolean stalled() {
        return stalled;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            stop();
            return this;
        }
        body.handler(chunk -> {
            restart();
            handler.handle(chunk);
        });
        restart();
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        body.endHandler(done -> {
            ended = true;
            stop();
            if (handler != null) {
                handler.handle(done);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        paused = true;
        stop();
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        paused = false;
        body.resume();
        restart();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        if (amount > 0) {
            paused = false;
            restart();
        }
        return this;
    }

    private void restart() {
        stop();
        if (!paused && !ended) {
            timer = vertx.setTimer(idleMillis, id -> stall());
        }
    }

    private void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void stall() {
        timer = -1;
        if (ended || stalled) {
            return;
        }
        stalled = true;
        if (exceptionHandler != null) {
            exceptionHandler.handle(new BodyStalled(idleMillis));
        }
    }
}
