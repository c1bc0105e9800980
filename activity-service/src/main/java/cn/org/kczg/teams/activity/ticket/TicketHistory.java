package cn.org.kczg.teams.activity.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of a ticket: who, in which role, when, from → to, why. Append-only. */
@Entity
@Table(name = "ticket_history")
public class TicketHistory extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public UUID ticketId;
    @Column(nullable = false)
    public Instant at;
    public String actor;
    @Column(nullable = false)
    public String role;
    @Column(nullable = false)
    public String action;
    public String fromStatus;
    public String toStatus;
    public String reason;
}
