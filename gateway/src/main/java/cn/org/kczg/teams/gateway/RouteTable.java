package cn.org.kczg.teams.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which service owns a path under {@code /api/v1/}: by its first segment ({@code lead-units}) or, where
 * one segment is shared by several services, by its first two ({@code public/teams}); two win over one.
 */
final class RouteTable {
    private static final String PREFIX = "/api/v1/";
    private final Map<String, URI> byPrefix;

    RouteTable(Map<String, String> routes, Map<String, String> services) {
        this.byPrefix = routes.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().replace('.', '/'), e -> {
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
        String[] segments = path.substring(PREFIX.length()).split("/", 3);
        if (segments.length >= 2) {
            URI two = byPrefix.get(segments[0] + "/" + segments[1]);
            if (two != null) {
                return Optional.of(two);
            }
        }
        return Optional.ofNullable(byPrefix.get(segments[0]));
    }
}
