package cn.org.kczg.teams.activity.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One answer a team gave to a ticket, kept as it was: a later answer adds a version. Append-only. */
@Entity
@Table(name = "ticket_answer")
public class TicketAnswer extends TicketEntry {
    public String actor;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public TicketDtos.Answer answer;
}
