package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.LocalDate;
import java.util.UUID;

/** Art. 12: a team's upload falls due within days and is not in yet; announced once per team, kind and period. */
public record UploadDueSoon(UUID teamId, String kind, String period, LocalDate dueDate) implements TeamEvent {
    public static final String TYPE = "upload.due-soon";

    @Override
    public String eventType() {
        return TYPE;
    }
}
