package cn.org.kczg.teams.events.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A demand-hall ticket (Art. 12) was created or changed state; {@code type} names what happened
 * ({@link #CREATED}, {@link #ASSIGNED}, …). One record for all of them, so consumers read one shape.
 */
public record TicketChanged(String type, UUID ticketId, String partner, String externalId, UUID teamId,
        String teamLeadUnit, String from, String to, String reason, String industryField, String region,
        List<String> categories, Instant firstResponseDue, Instant resolutionDue, String overdue, Instant at)
        implements TicketEvent {
    public static final String CREATED = "ticket.created";
    public static final String ASSIGNED = "ticket.assigned";
    public static final String ACCEPTED = "ticket.accepted";
    public static final String DECLINED = "ticket.declined";
    /** The team stopped being active (suspended, revoked, disqualified): its open ticket went back to the hall. */
    public static final String RETURNED = "ticket.returned";
    public static final String INFO_REQUESTED = "ticket.info-requested";
    public static final String RESUMED = "ticket.resumed";
    public static final String ANSWERED = "ticket.answered";
    public static final String RESOLVED = "ticket.resolved";
    public static final String REOPENED = "ticket.reopened";
    public static final String CLOSED = "ticket.closed";
    /** The partner took the demand back before anyone accepted it. */
    public static final String WITHDRAWN = "ticket.withdrawn";
    /** {@code overdue} says which due time passed: FIRST_RESPONSE or RESOLUTION. */
    public static final String OVERDUE = "ticket.overdue";
    /** {@code overdue} says which due time is near (within {@code kczg.sla.warn-before}): FIRST_RESPONSE or RESOLUTION. */
    public static final String SLA_WARNING = "ticket.sla-warning";

    @Override
    public String eventType() {
        return type;
    }
}
