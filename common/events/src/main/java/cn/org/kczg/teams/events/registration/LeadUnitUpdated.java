package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.LeadUnitEvent;

/**
 * A lead unit corrected its profile's name or category (Art. 5); {@code previousCategory} tells consumers whether
 * eligibility must be judged again.
 */
public record LeadUnitUpdated(String creditCode, String name, String category, String previousCategory)
        implements LeadUnitEvent {
    public static final String TYPE = "lead-unit.updated";

    @Override
    public String eventType() {
        return TYPE;
    }
}
