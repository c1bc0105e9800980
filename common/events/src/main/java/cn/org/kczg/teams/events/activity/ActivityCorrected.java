package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A team (or the operator) corrected a reported activity before its year's assessment was published (Art. 11, 18):
 * the activity's figures as they now stand, replacing those of {@code activity.reported} (the year too, when the start
 * date moved into another year), and the fields that changed.
 */
public record ActivityCorrected(UUID activityId, UUID teamId, String leadUnitCreditCode, int year, String category,
        String form, String title, LocalDate startDate, LocalDate endDate, String city, String park, String placeKind,
        int participants, int enterprisesServed, int agreementsSigned, int technologiesTransferred,
        int standardsDrafted, int talentsTrained, BigDecimal feesCharged, List<String> changed)
        implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "activity.corrected";

    @Override
    public String eventType() {
        return TYPE;
    }
}
