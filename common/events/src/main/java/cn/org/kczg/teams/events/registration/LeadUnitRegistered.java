package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.LeadUnitEvent;

/** A lead unit (牵头单位) was registered; Art. 5 eligibility is decided from its category. */
public record LeadUnitRegistered(String creditCode, String name, String category) implements LeadUnitEvent {
    public static final String TYPE = "lead-unit.registered";

    @Override
    public String eventType() {
        return TYPE;
    }
}
