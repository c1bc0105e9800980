package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Art. 12: staff accepted ({@link #ACCEPTED}) or returned ({@link #RETURNED}) one version of a team's upload;
 * a returned upload awaits the team's next version by the same {@code dueDate}.
 */
public record UploadReviewed(UUID uploadId, UUID teamId, String kind, String period, int version, String decision,
        String comment, LocalDate dueDate) implements TeamEvent {
    public static final String TYPE = "upload.reviewed";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String RETURNED = "RETURNED";

    @Override
    public String eventType() {
        return TYPE;
    }
}
