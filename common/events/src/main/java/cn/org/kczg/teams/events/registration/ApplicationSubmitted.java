package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.ApplicationEvent;
import cn.org.kczg.teams.events.OfLeadUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A team application was submitted (again, after changes were requested, when {@code submission} &gt; 1):
 * everything the qualification review needs — the lead unit (Art. 5, 8), completeness (Art. 7, 12) and
 * the Art. 9 priority inputs.
 */
public record ApplicationSubmitted(
        UUID applicationId,
        int submission,
        int year,
        String leadUnitCreditCode,
        String leadUnitName,
        String leadUnitCategory,
        String name,
        String serviceContent,
        List<String> categories,
        List<String> pilotCities,
        List<String> otherRegions,
        List<String> keyFields,
        int memberCount,
        int leaderCount,
        int partnerUnitCount,
        boolean handlerNamed,
        String workFoundation,
        Resources resourcesCommitted,
        String continuityPlan,
        Instant submittedAt) implements ApplicationEvent, OfLeadUnit {

    public static final String TYPE = "application.submitted";

    /** Art. 9 and 14: what the lead unit commits each year. */
    public record Resources(String text, BigDecimal yearlyBudget, Integer staff) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
