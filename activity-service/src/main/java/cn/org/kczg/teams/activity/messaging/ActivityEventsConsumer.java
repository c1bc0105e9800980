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
    private final WebhookService webhooks;

    @Inject
    ActivityEventsConsumer(EventInbox inbox, WebhookService webhooks) {
        this.inbox = inbox;
        this.webhooks = webhooks;
    }

    @Incoming("activity-events")
    @Blocking
    public void onMessage(String message) {
        // built per message: the delivery's body is the message exactly as it came
        EventHandlers.Builder handlers = EventHandlers.builder();
        for (String type : TicketEventTypes.TYPES) {
            handlers.on(type, payloadOf(type), (payload, envelope) -> {
                String partner = partnerOf(payload);
                if (partner != null) {
                    webhooks.onTicketEvent(partner, envelope, message);
                }
            });
        }
        inbox.consume(message, CONSUMER, handlers.build());
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
