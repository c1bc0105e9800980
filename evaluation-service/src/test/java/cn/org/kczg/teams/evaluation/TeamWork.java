package cn.org.kczg.teams.evaluation;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.activity.ActivityReported;
import cn.org.kczg.teams.events.activity.ComplaintDecided;
import cn.org.kczg.teams.events.activity.FeeViolationDecided;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.activity.UploadReceived;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What activity-service announces when a team works: activity reports, tickets, uploads, decisions. */
public final class TeamWork {
    private TeamWork() {
    }

    public static EventEnvelope activity(UUID teamId, int year, String title, LocalDate date, String city,
            String placeKind, int participants, int enterprises) {
        return Events.activity(new ActivityReported(UUID.randomUUID(), teamId, "LU", year, "TECH_TRANSFER",
                "CONFERENCE", title, date, date, city, null, placeKind, participants, enterprises, 1, 1, 0, 10,
                BigDecimal.ZERO));
    }

    public static EventEnvelope ticket(String type, UUID ticketId, UUID teamId, Instant at, Instant firstResponseDue,
            Instant resolutionDue, String overdue) {
        return Events.activity(new TicketChanged(type, ticketId, "partner", "X-" + ticketId, teamId, "LU", null,
                null, null, "智能制造", "苏州市", List.of("TECH_TRANSFER"), firstResponseDue, resolutionDue, overdue,
                at));
    }

    public static EventEnvelope upload(UUID teamId, String period, boolean onTime) {
        return Events.activity(new UploadReceived(UUID.randomUUID(), teamId, "WORK_SUMMARY", period,
                LocalDate.parse(period.substring(0, 4) + "-12-31"), onTime, "00"));
    }

    public static EventEnvelope complaintUpheld(UUID teamId, int year) {
        return Events.activity(new ComplaintDecided(ComplaintDecided.UPHELD, UUID.randomUUID(), teamId, "FEE_CHARGED",
                year, "经核实属实"));
    }

    public static EventEnvelope feeViolation(UUID teamId, int year, String outcome) {
        return Events.activity(new FeeViolationDecided(UUID.randomUUID(), UUID.randomUUID(), teamId, year, outcome,
                "经核实"));
    }
}
