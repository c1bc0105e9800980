package cn.org.kczg.teams.activity.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/** What every append-only row about a ticket has: its number (rising in the order written), the ticket, when. */
@MappedSuperclass
public abstract class TicketEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public UUID ticketId;
    @Column(nullable = false)
    public Instant at;
}
