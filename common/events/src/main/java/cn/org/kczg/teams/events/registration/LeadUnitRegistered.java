package cn.org.kczg.teams.events.registration;

import cn.org.kczg.teams.events.EventPayload;

/** A lead unit (牵头单位) was registered; Art. 5 eligibility is decided from its category. */
public record LeadUnitRegistered(String creditCode, String name, String category) implements EventPayload {
    public static final String TYPE = "lead-unit.registered";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "lead-unit";
    }

    @Override
    public String aggregateId() {
        return creditCode;
    }
}
