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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One answer a team gave to a ticket, kept as it was: a later answer adds a version. Append-only. */
@Entity
@Table(name = "ticket_answer")
public class TicketAnswer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public UUID ticketId;
    @Column(nullable = false)
    public Instant at;
    public String actor;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public TicketDtos.Answer answer;
}
