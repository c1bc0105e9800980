package cn.org.kczg.teams.activity.ticket;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * NEW → ASSIGNED → ACCEPTED → (WAITING_ON_DEMAND ↔ IN_PROGRESS) → ANSWERED → RESOLVED → CLOSED, with
 * REOPENED from RESOLVED; a declined ticket goes back to NEW; the operator may reassign an open ticket; the partner
 * may withdraw a ticket nobody has accepted yet (NEW, ASSIGNED → WITHDRAWN, final).
 */
@Schema(name = "TicketStatus", description = "Where a demand ticket is in its life: NEW → ASSIGNED → ACCEPTED → "
        + "(WAITING_ON_DEMAND ↔ IN_PROGRESS) → ANSWERED → RESOLVED → CLOSED, with REOPENED from RESOLVED; a declined "
        + "ticket goes back to NEW; NEW or ASSIGNED may be WITHDRAWN by the partner (final).")
public enum TicketStatus {
    NEW, ASSIGNED, ACCEPTED, IN_PROGRESS, WAITING_ON_DEMAND, ANSWERED, RESOLVED, CLOSED, REOPENED, WITHDRAWN;

    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ASSIGNED, WITHDRAWN);
            case ASSIGNED -> EnumSet.of(ASSIGNED, ACCEPTED, NEW, WITHDRAWN);
            case ACCEPTED, IN_PROGRESS, REOPENED -> EnumSet.of(ASSIGNED, IN_PROGRESS, WAITING_ON_DEMAND, ANSWERED);
            case WAITING_ON_DEMAND -> EnumSet.of(ASSIGNED, IN_PROGRESS);
            case ANSWERED -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED, WITHDRAWN -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    /** Being worked on by a team: the resolution clock runs (except while waiting on the demand side). */
    public boolean open() {
        return this != NEW && this != RESOLVED && this != CLOSED && this != WITHDRAWN;
    }
}
