package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The lead unit changed the team's partner units (Art. 14), each with its credit code when it has one. */
public record TeamPartnersChanged(UUID teamId, String leadUnitCreditCode, List<Partner> partners, Instant changedAt)
        implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "team.partners-changed";

    /** A partner unit: its name, and its unified social credit code if known (Art. 16/17, 19 need it). */
    public record Partner(String name, String creditCode) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
