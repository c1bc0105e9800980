package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A team reported an activity (Art. 10, 11): what the annual evaluation counts. {@code placeKind} is
 * PILOT (a pilot city or park of the team), OTHER_REGION or ONLINE. Keyed by the team, so a team's
 * activities stay in order.
 */
public record ActivityReported(UUID activityId, UUID teamId, String leadUnitCreditCode, int year, String category,
        String form, String title, LocalDate startDate, LocalDate endDate, String city, String park, String placeKind,
        int participants, int enterprisesServed, int agreementsSigned, int technologiesTransferred,
        int standardsDrafted, int talentsTrained, BigDecimal feesCharged) implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "activity.reported";

    @Override
    public String eventType() {
        return TYPE;
    }
}
