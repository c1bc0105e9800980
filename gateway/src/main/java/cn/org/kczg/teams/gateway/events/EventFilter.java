package cn.org.kczg.teams.gateway.events;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ?type=ticket.*,team.disqualified&team=…&leadUnit=…}: types are globs ({@code *} any characters), several
 * separated by commas; every given filter must match.
 */
public record EventFilter(List<Pattern> types, String team, String leadUnit) {

    public static EventFilter of(String type, String team, String leadUnit) {
        List<Pattern> types = type == null || type.isBlank() ? List.of()
                : Arrays.stream(type.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                        .map(t -> Pattern.compile(Arrays.stream(t.split("\\*", -1)).map(Pattern::quote)
                                .reduce((a, b) -> a + ".*" + b).orElse(""))).toList();
        return new EventFilter(types, blankToNull(team), blankToNull(leadUnit));
    }

    public boolean matches(BufferedEvent event) {
        return (types.isEmpty() || types.stream().anyMatch(p -> p.matcher(event.type()).matches()))
                && (team == null || team.equalsIgnoreCase(event.team()))
                && (leadUnit == null || leadUnit.equalsIgnoreCase(event.leadUnit()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
