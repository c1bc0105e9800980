package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.EventPayload;
import java.time.Instant;
import java.util.UUID;

/** The lead unit withdrew an application before a decision: it no longer counts against its quota. */
public record ApplicationWithdrawn(UUID applicationId, String leadUnitCreditCode, int year, Instant withdrawnAt)
        implements EventPayload {
    public static final String TYPE = "application.withdrawn";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "application";
    }

    @Override
    public String aggregateId() {
        return applicationId.toString();
    }
}
