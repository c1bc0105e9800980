package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approved application became a team: what matching, reporting and evaluation need to know of it. Issue 22 added
 * the distinctive services, the experience and the members' fields (nullable: absent from earlier events).
 */
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
        Instant activatedAt,
        String distinctiveServices,
        String experience,
        List<String> memberFields) implements TeamEvent, OfLeadUnit {

    public static final String TYPE = "team.activated";

    /** Without issue 22's profile text. */
    public TeamActivated(UUID teamId, UUID applicationId, String name, String leadUnitCreditCode, String leadUnitName,
            String leadUnitCategory, int year, String serviceContent, List<String> categories, List<String> pilotCities,
            List<String> otherRegions, List<String> keyFields, Handler handler, Instant activatedAt) {
        this(teamId, applicationId, name, leadUnitCreditCode, leadUnitName, leadUnitCategory, year, serviceContent,
                categories, pilotCities, otherRegions, keyFields, handler, activatedAt, null, null, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
