package cn.org.kczg.teams.events;

/** A payload record of one event type; {@link #TYPE} style constants name the wire type. */
public interface EventPayload {
    /** The wire type, e.g. {@code lead-unit.registered}. */
    String eventType();

    /** The aggregate the event belongs to; the Kafka key, so events of one aggregate stay in order. */
    String aggregateType();

    String aggregateId();

    /** Wire-format version of this payload; bumped only on a breaking change. */
    default int version() {
        return 1;
    }

    /** The team the event concerns, if it names one: what the live event stream filters and shows by. */
    default java.util.UUID concernsTeam() {
        return null;
    }

    /** The lead unit the event concerns, if it names one. */
    default String concernsLeadUnit() {
        return null;
    }
}
