package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An approved application became a team: what matching, reporting and evaluation need to know of it. */
public record TeamActivated(
        UUID teamId,
        UUID applicationId,
        String name,
        String leadUnitCreditCode,
        String leadUnitName,
        String leadUnitCategory,
        int year,
        String serviceContent,
        List<String> categories,
        List<String> pilotCities,
        List<String> otherRegions,
        List<String> keyFields,
        Handler handler,
        Instant activatedAt) implements TeamEvent, OfLeadUnit {

    public static final String TYPE = "team.activated";

    @Override
    public String eventType() {
        return TYPE;
    }
}
