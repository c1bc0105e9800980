package cn.org.kczg.teams.gateway.events;

import cn.org.kczg.teams.gateway.InvalidParameter;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ?type=ticket.*,team.disqualified&team=…&leadUnit=…}: types are globs ({@code *} any characters), several
 * separated by commas; every given filter must match.
 */
public record EventFilter(List<Glob> types, String team, String leadUnit) {
    static final int MAX_TYPES = 20;

    /** @throws IllegalArgumentException naming the parameter when there are too many or too long globs */
    public static EventFilter of(String type, String team, String leadUnit) {
        List<Glob> types = type == null || type.isBlank() ? List.of()
                : Arrays.stream(type.split(",", MAX_TYPES + 2)).map(String::strip).filter(t -> !t.isEmpty())
                        .map(Glob::new).toList();
        if (types.size() > MAX_TYPES) {
            throw new InvalidParameter("type", "events.types", MAX_TYPES);
        }
        return new EventFilter(types, blankToNull(team), blankToNull(leadUnit));
    }

    public boolean matches(BufferedEvent event) {
        return (types.isEmpty() || types.stream().anyMatch(g -> g.matches(event.type())))
                && (team == null || team.equalsIgnoreCase(event.team()))
                && (leadUnit == null || leadUnit.equalsIgnoreCase(event.leadUnit()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
