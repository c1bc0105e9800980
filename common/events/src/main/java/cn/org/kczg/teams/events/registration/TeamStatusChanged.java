package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.UUID;

/** A team moved between ACTIVE, SUSPENDED, REVOKED (Art. 17) and DISQUALIFIED (Art. 20). */
public record TeamStatusChanged(UUID teamId, String leadUnitCreditCode, String from, String to, String reason,
        Instant changedAt) implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "team.status-changed";

    @Override
    public String eventType() {
        return TYPE;
    }
}
