package cn.org.kczg.teams.events.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone wrote in a ticket's conversation: {@code side} TEAM, DEMAND (the partner) or STAFF; {@code internal}
 * messages are never shown to the partner. The text stays in activity-service.
 */
public record TicketMessagePosted(UUID ticketId, String partner, UUID teamId, String teamLeadUnit, long messageId,
        String side, boolean internal, Instant at) implements TicketEvent {
    public static final String TYPE = "ticket.message-posted";

    @Override
    public String eventType() {
        return TYPE;
    }
}
