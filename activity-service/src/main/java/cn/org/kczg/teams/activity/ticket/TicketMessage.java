package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message of a ticket's conversation. Append-only. */
@Entity
@Table(name = "ticket_message")
public class TicketMessage extends TicketEntry {
    @Schema(name = "TicketMessageSide", description = "Who wrote: the assigned TEAM, the DEMAND side (through the "
            + "partner that pushed the ticket) or STAFF (the operator).")
    public enum Side {
        TEAM, DEMAND, STAFF
    }

    @PersonalData(kind = ACCOUNT_ID)
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
