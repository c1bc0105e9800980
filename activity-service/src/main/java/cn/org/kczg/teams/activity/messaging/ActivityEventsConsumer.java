package cn.org.kczg.teams.activity.messaging;

import cn.org.kczg.teams.activity.webhook.TicketEventTypes;
import cn.org.kczg.teams.activity.webhook.WebhookService;
import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.events.EventTypes;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.activity.TicketMessagePosted;
import cn.org.kczg.teams.events.activity.TicketRated;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code activity.events} (this service's own) → the partners' webhooks: each ticket event of a partner's ticket
 * becomes a delivery for each of its webhooks that wants it. Internal messages are never the partner's to see, so
 * they are not delivered.
 */
@ApplicationScoped
public class ActivityEventsConsumer {
    static final String CONSUMER = "activity-service.webhooks";

    private final EventInbox inbox;
    private final EventHandlers handlers;
    /** The message being consumed: a delivery's body is the record exactly as it came. */
    private final ThreadLocal<String> message = new ThreadLocal<>();

    @Inject
    ActivityEventsConsumer(EventInbox inbox, WebhookService webhooks) {
        this.inbox = inbox;
        EventHandlers.Builder builder = EventHandlers.builder();
        for (String type : TicketEventTypes.TYPES) {
            builder.on(type, payloadOf(type), (payload, envelope) -> {
                String partner = partnerOf(payload);
                if (partner != null) {
                    webhooks.onTicketEvent(partner, envelope, message.get());
                }
            });
        }
        this.handlers = builder.build();
    }

    @Incoming("activity-events")
    @Blocking
    public void onMessage(String record) {
        message.set(record);
        try {
            inbox.consume(record, CONSUMER, handlers);
        } finally {
            message.remove();
        }
    }

    private static Class<EventPayload> payloadOf(String type) {
        @SuppressWarnings("unchecked")
        Class<EventPayload> payload = (Class<EventPayload>) EventTypes.payloadOf(type).orElseThrow();
        return payload;
    }

    /** The partner whose ticket the event is about, or null when it is not for the partner's eyes. */
    private static String partnerOf(EventPayload payload) {
        if (payload instanceof TicketChanged changed) {
            return changed.partner();
        }
        if (payload instanceof TicketMessagePosted posted) {
            return posted.internal() ? null : posted.partner();
        }
        if (payload instanceof TicketRated rated) {
            return rated.partner();
        }
        return null;
    }
}
