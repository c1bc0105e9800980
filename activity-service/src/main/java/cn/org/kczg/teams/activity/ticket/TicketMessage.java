package cn.org.kczg.teams.activity.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message of a ticket's conversation. Append-only. */
@Entity
@Table(name = "ticket_message")
public class TicketMessage extends PanacheEntityBase {
    @Schema(name = "TicketMessageSide", description = "Who wrote: the assigned TEAM, the DEMAND side (through the "
            + "partner that pushed the ticket) or STAFF (the operator).")
    public enum Side {
        TEAM, DEMAND, STAFF
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public UUID ticketId;
    @Column(nullable = false)
    public Instant at;
    @Column(nullable = false)
    public String author;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;
    /** For the team and staff only; never shown to the partner. */
    public boolean internal;
    @Column(nullable = false)
    public String text;
}
