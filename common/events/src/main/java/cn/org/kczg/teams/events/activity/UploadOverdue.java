package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.LocalDate;
import java.util.UUID;

/** Art. 12: a team missed a due upload; announced once per team, kind and period. */
public record UploadOverdue(UUID teamId, String kind, String period, LocalDate dueDate) implements TeamEvent {
    public static final String TYPE = "upload.overdue";

    @Override
    public String eventType() {
        return TYPE;
    }
}
