package cn.org.kczg.teams.events;

/** An event about one lead unit, keyed by its unified social credit code. */
public interface LeadUnitEvent extends EventPayload {
    String creditCode();

    @Override
    default String aggregateType() {
        return "lead-unit";
    }

    @Override
    default String aggregateId() {
        return creditCode();
    }

    @Override
    default String concernsLeadUnit() {
        return creditCode();
    }
}
