package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.util.UUID;

/** Art. 15: the public filed a complaint about a team (the complainant stays out of the event). */
public record ComplaintFiled(UUID complaintId, UUID teamId, String leadUnitCreditCode, String kind, int year)
        implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "complaint.filed";

    @Override
    public String eventType() {
        return TYPE;
    }
}
