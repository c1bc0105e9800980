package cn.org.kczg.teams.events.activity;

import cn.org.kczg.teams.events.OfLeadUnit;
import cn.org.kczg.teams.events.TeamEvent;
import java.math.BigDecimal;
import java.util.UUID;

/** Art. 16: an activity report declared a fee charged in the team's name; the operator will decide. */
public record FeeViolationFlagged(UUID violationId, UUID activityId, UUID teamId, String leadUnitCreditCode,
        int year, BigDecimal amount, String payer) implements TeamEvent, OfLeadUnit {
    public static final String TYPE = "fee-violation.flagged";

    @Override
    public String eventType() {
        return TYPE;
    }
}
