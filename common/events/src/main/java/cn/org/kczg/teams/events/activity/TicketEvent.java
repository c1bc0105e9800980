package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.EventPayload;
import java.util.UUID;

/** An event about one demand ticket: keyed by the ticket id, so a ticket's events stay in order. */
public interface TicketEvent extends EventPayload {
    UUID ticketId();

    /** The team the ticket is with, if any. */
    UUID teamId();

    String teamLeadUnit();

    @Override
    default String aggregateType() {
        return "ticket";
    }

    @Override
    default String aggregateId() {
        return ticketId().toString();
    }

    @Override
    default UUID concernsTeam() {
        return teamId();
    }

    @Override
    default String concernsLeadUnit() {
        return teamLeadUnit();
    }
}
