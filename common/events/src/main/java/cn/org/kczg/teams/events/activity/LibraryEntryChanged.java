package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A library entry (问题库/项目库/开源库, Art. 12) was created, edited, submitted, published or rejected; the
 * evaluation counts published ones.
 */
public record LibraryEntryChanged(String type, UUID entryId, UUID teamId, String kind, String status, String reason,
        Instant at) implements TeamEvent {
    public static final String CREATED = "library-entry.created";
    public static final String EDITED = "library-entry.edited";
    public static final String SUBMITTED = "library-entry.submitted";
    public static final String PUBLISHED = "library-entry.published";
    public static final String REJECTED = "library-entry.rejected";

    @Override
    public String eventType() {
        return type;
    }
}
