package cn.org.kczg.teams.activity.webhook;

import cn.org.kczg.teams.events.EventTypes;
import cn.org.kczg.teams.events.activity.TicketEvent;
import java.util.Set;
import java.util.TreeSet;

/** The event types a webhook may ask for: every ticket event of the contract, or all of them ({@code ticket.*}). */
public final class TicketEventTypes {
    public static final String ALL = "ticket.*";
    /** Every wire type whose payload is a {@link TicketEvent}, sorted. */
    public static final Set<String> TYPES = ticketTypes();

    private TicketEventTypes() {
    }

    public static boolean isPattern(String pattern) {
        return ALL.equals(pattern) || TYPES.contains(pattern);
    }

    private static Set<String> ticketTypes() {
        Set<String> types = new TreeSet<>();
        for (String type : EventTypes.all()) {
            EventTypes.payloadOf(type).filter(TicketEvent.class::isAssignableFrom).ifPresent(p -> types.add(type));
        }
        return java.util.Collections.unmodifiableSet(types);
    }
}
