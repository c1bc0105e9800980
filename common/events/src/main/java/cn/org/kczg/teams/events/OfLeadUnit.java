package cn.org.kczg.teams.events;

/** A payload that names the lead unit it concerns in a {@code leadUnitCreditCode} field. */
public interface OfLeadUnit extends EventPayload {
    String leadUnitCreditCode();

    @Override
    default String concernsLeadUnit() {
        return leadUnitCreditCode();
    }
}
