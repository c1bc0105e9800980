package cn.org.kczg.teams.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Which service owns a path: {@code /api/v1/<segment>/...} by its first segment. */
final class RouteTable {
    private static final String PREFIX = "/api/v1/";
    private final Map<String, URI> bySegment;

    RouteTable(Map<String, String> routes, Map<String, String> services) {
        this.bySegment = routes.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> {
                    String base = services.get(e.getValue());
                    if (base == null) {
                        throw new IllegalArgumentException("route " + e.getKey() + " names unknown service "
                                + e.getValue());
                    }
                    return URI.create(base);
                }));
    }

    Optional<URI> target(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        return Optional.ofNullable(bySegment.get(segment));
    }
}
