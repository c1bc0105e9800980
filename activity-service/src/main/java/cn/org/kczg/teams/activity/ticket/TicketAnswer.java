package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One answer a team gave to a ticket, kept as it was: a later answer adds a version. Append-only. */
@Entity
@Table(name = "ticket_answer")
public class TicketAnswer extends TicketEntry {
    @PersonalData(kind = ACCOUNT_ID)
    public String actor;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public TicketDtos.Answer answer;
}
