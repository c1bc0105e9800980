package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.util.UUID;

/** The operator's triage of a complaint: {@code complaint.upheld} counts against the team in the evaluation. */
public record ComplaintDecided(String type, UUID complaintId, UUID teamId, String kind, int year, String reason)
        implements TeamEvent {
    public static final String UPHELD = "complaint.upheld";
    public static final String DISMISSED = "complaint.dismissed";

    @Override
    public String eventType() {
        return type;
    }
}
