package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.util.UUID;

/** Art. 15: the team answered a complaint about it, once, before the operator's decision (the text stays out). */
public record ComplaintResponded(UUID complaintId, UUID teamId, String leadUnitCreditCode, int year)
        implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "complaint.responded";

    @Override
    public String eventType() {
        return TYPE;
    }
}
