package cn.org.kczg.teams.events.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * The demand side rated a resolved ticket, once: {@code score} 1–5 for the team that served it (Art. 18, 实施效果).
 * The comment stays in activity-service.
 */
public record TicketRated(UUID ticketId, String partner, UUID teamId, String teamLeadUnit, int score, Instant at)
        implements TicketEvent {
    public static final String TYPE = "ticket.rated";
    public static final int MAX_SCORE = 5;

    @Override
    public String eventType() {
        return TYPE;
    }
}
