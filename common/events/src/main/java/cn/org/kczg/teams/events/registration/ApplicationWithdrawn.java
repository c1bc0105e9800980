package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.ApplicationEvent;
import cn.org.kczg.teams.events.OfLeadUnit;
import java.time.Instant;
import java.util.UUID;

/** The lead unit withdrew an application before a decision: it no longer counts against its quota. */
public record ApplicationWithdrawn(UUID applicationId, String leadUnitCreditCode, int year, Instant withdrawnAt)
        implements ApplicationEvent, OfLeadUnit {
    public static final String TYPE = "application.withdrawn";

    @Override
    public String eventType() {
        return TYPE;
    }
}
