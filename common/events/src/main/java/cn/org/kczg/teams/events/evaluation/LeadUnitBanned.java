package cn.org.kczg.teams.events.evaluation;

import cn.org.kczg.teams.events.LeadUnitEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Art. 20: for serious scientific, political or legal problems the lead unit may not apply again for
 * three years from {@code since}.
 */
public record LeadUnitBanned(UUID banId, String creditCode, String reasonClass, LocalDate since, LocalDate until,
        String note) implements LeadUnitEvent {
    public static final String TYPE = "lead-unit.banned";

    @Override
    public String eventType() {
        return TYPE;
    }
}
