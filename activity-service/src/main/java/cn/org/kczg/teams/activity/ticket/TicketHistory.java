package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One change of a ticket: who, in which role, when, from → to, why. Append-only. */
@Entity
@Table(name = "ticket_history")
public class TicketHistory extends TicketEntry {
    @PersonalData(kind = ACCOUNT_ID)
    public String actor;
    @Column(nullable = false)
    public String role;
    @Column(nullable = false)
    public String action;
    public String fromStatus;
    public String toStatus;
    public String reason;
}
