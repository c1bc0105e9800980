package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.LocalDate;
import java.util.UUID;

/** Art. 12: a team uploaded its periodic material; {@code onTime} compares with the schedule's due date. */
public record UploadReceived(UUID uploadId, UUID teamId, String kind, String period, LocalDate dueDate,
        boolean onTime, String sha256) implements TeamEvent {
    public static final String TYPE = "upload.received";

    @Override
    public String eventType() {
        return TYPE;
    }
}
