package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.gateway.events.BufferedEvent;
import cn.org.kczg.teams.gateway.events.EventBuffer;
import cn.org.kczg.teams.gateway.events.EventFeed;
import cn.org.kczg.teams.gateway.events.EventFilter;
import cn.org.kczg.teams.gateway.events.StreamPosition;
import cn.org.kczg.teams.platform.security.Roles;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * "Operators watch events": {@code GET /api/v1/events/stream} (Server-Sent Events) and {@code GET /api/v1/events}
 * (the same as pages, for polling), for operators and auditors, served by the gateway itself from the
 * {@link EventFeed}. Every stream pumps from the shared buffer at its own pace and stops while its connection
 * cannot take more, so a slow client never holds up the others.
 */
@ApplicationScoped
public class EventRoutes {
    static final String STREAM = "/api/v1/events/stream";
    static final String LIST = "/api/v1/events";
    private static final Set<String> ROLES = Set.of(Roles.OPERATOR, Roles.AUDITOR);
    private static final int BATCH = 200;

    @Inject
    EventFeed feed;
    @Inject
    Vertx vertx;
    @Inject
    GatewayConfig config;

    boolean owns(String path) {
        return STREAM.equals(path) || LIST.equals(path);
    }

    void handle(RoutingContext ctx, JsonWebToken token) {
        ctx.request().resume();
        String path = ctx.request().path();
        if (!GatewayProblems.admits(ctx.request(), token, ROLES, "events.forbidden")) {
            return;
        }
        if (ctx.request().method() != HttpMethod.GET) {
            GatewayProblems.answer(ctx.request(), 405, "method-not-allowed", "method.get");
            return;
        }
        try {
            EventFilter filter = EventFilter.of(ctx.request().getParam("type"), ctx.request().getParam("team"),
                    ctx.request().getParam("leadUnit"));
            if (STREAM.equals(path)) {
                stream(ctx, filter);
            } else {
                list(ctx, filter);
            }
        } catch (InvalidParameter e) {
            GatewayProblems.answer(ctx.request(), e);
        }
    }

    private void stream(RoutingContext ctx, EventFilter filter) {
        EventBuffer buffer = feed.buffer();
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = ctx.request().getParam("lastEventId");
        }
        EventBuffer.Cursor start = lastEventId == null || lastEventId.isBlank() ? buffer.end()
                : new EventBuffer.Cursor(positionParam("Last-Event-ID", lastEventId), buffer.oldestSeq());
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream;charset=UTF-8")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        response.write(": 科创中国 events\n\n");
        Stream stream = new Stream(response, buffer, filter, start);
        Context context = vertx.getOrCreateContext();
        Runnable listener = () -> context.runOnContext(v -> stream.pump());
        feed.listen(listener);
        long timer = vertx.setPeriodic(config.events().heartbeat().toMillis(), id -> {
            if (!response.writeQueueFull()) {
                response.write(": heartbeat\n\n");
            }
        });
        response.closeHandler(v -> {
            feed.unlisten(listener);
            vertx.cancelTimer(timer);
        });
        stream.pump();
    }

    /** One client's stream: its position, its cursor in the buffer, and back-pressure from its connection. */
    private static final class Stream {
        private final HttpServerResponse response;
        private final EventBuffer buffer;
        private final EventFilter filter;
        private StreamPosition position;
        private long seq;

        Stream(HttpServerResponse response, EventBuffer buffer, EventFilter filter, EventBuffer.Cursor start) {
            this.response = response;
            this.buffer = buffer;
            this.filter = filter;
            this.position = start.position();
            this.seq = start.seq();
        }

        void pump() {
            if (response.closed()) {
                return;
            }
            while (true) {
                if (response.writeQueueFull()) {
                    response.drainHandler(v -> pump());
                    return;
                }
                if (seq < buffer.oldestSeq()) {
                    // the client fell further behind than the buffer reaches: say so rather than skip silently
                    response.write("event: stream.gap\ndata: {\"detail\":\"events were dropped from the buffer before "
                            + "this client read them; re-read them with GET /api/v1/events\"}\n\n");
                    seq = buffer.oldestSeq();
                }
                List<BufferedEvent> batch = buffer.from(seq, BATCH, e -> true);
                if (batch.isEmpty()) {
                    return;
                }
                for (BufferedEvent e : batch) {
                    seq = e.seq() + 1;
                    if (position.covers(e)) {
                        continue;
                    }
                    position = position.after(e);
                    if (filter.matches(e)) {
                        response.write("id: " + position + "\nevent: " + e.type() + "\ndata: "
                                + item(e, position).encode() + "\n\n");
                    }
                }
            }
        }
    }

    /** {@code ?since=} a stream position (an SSE id) or an ISO-8601 instant; {@code ?size=} up to 500. */
    private void list(RoutingContext ctx, EventFilter filter) {
        EventBuffer buffer = feed.buffer();
        String since = ctx.request().getParam("since");
        int size = sizeParam(ctx.request().getParam("size"));
        StreamPosition position = StreamPosition.empty();
        Instant after = null;
        if (since != null && !since.isBlank()) {
            try {
                after = Instant.parse(since.strip());
            } catch (DateTimeParseException notAnInstant) {
                position = positionParam("since", since);
            }
        }
        JsonArray items = new JsonArray();
        long seq = buffer.oldestSeq();
        boolean more = true;
        while (more && items.size() < size) {
            List<BufferedEvent> batch = buffer.from(seq, BATCH, e -> true);
            more = !batch.isEmpty();
            for (BufferedEvent e : batch) {
                seq = e.seq() + 1;
                if (position.covers(e)) {
                    continue;
                }
                if (after != null && !e.timestamp().isAfter(after)) {
                    continue;
                }
                position = position.after(e);
                if (filter.matches(e)) {
                    items.add(item(e, position));
                    if (items.size() >= size) {
                        break;
                    }
                }
            }
        }
        ctx.response().putHeader("Content-Type", "application/json;charset=UTF-8")
                .end(new JsonObject().put("items", items).put("size", size).put("next", position.toString()).encode());
    }

    /** A PlatformEvent: an item of the list and the data of a stream frame alike. */
    private static JsonObject item(BufferedEvent e, StreamPosition position) {
        return new JsonObject().put("id", position.toString()).put("topic", e.topic()).put("type", e.type())
                .put("team", e.team()).put("leadUnit", e.leadUnit()).put("receivedAt", e.timestamp().toString())
                .put("event", new JsonObject(e.json()));
    }

    private static StreamPosition positionParam(String name, String value) {
        try {
            return StreamPosition.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, "events.position");
        }
    }

    private static int sizeParam(String value) {
        try {
            int size = value == null ? 100 : Integer.parseInt(value);
            if (size >= 1 && size <= 500) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidParameter("size", "range", 1, 500);
    }
}
