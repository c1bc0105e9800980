package cn.org.kczg.teams.kit.inbox;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.platform.privacy.LogSafe;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What a consumer does with each event type it knows; every other type is skipped. */
public final class EventHandlers {
    private final Map<String, Consumer<EventEnvelope>> byType;

    private EventHandlers(Map<String, Consumer<EventEnvelope>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Runnable> handlerFor(EventEnvelope envelope) {
        return Optional.ofNullable(byType.get(envelope.type())).map(handler -> () -> handler.accept(envelope));
    }

    public static final class Builder {
        private final Map<String, Consumer<EventEnvelope>> byType = new HashMap<>();

        /** Registers the handler of one event type; its payload is read as {@code payloadType}. */
        public <P> Builder on(String type, Class<P> payloadType, EventHandler<P> handler) {
            byType.put(type, envelope -> {
                P payload;
                try {
                    payload = EventJson.payload(envelope, payloadType);
                } catch (IllegalArgumentException e) {
                    throw new PoisonMessageException(LogSafe.withoutQuotes(e.getMessage()), LogSafe.redacted(e));
                }
                handler.handle(payload, envelope);
            });
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }

    @FunctionalInterface
    public interface EventHandler<P> {
        void handle(P payload, EventEnvelope envelope);
    }
}
