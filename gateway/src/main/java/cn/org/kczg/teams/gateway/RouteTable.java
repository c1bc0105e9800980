package cn.org.kczg.teams.gateway;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service owns a path under {@code /api/v1/}, by its leading segments: {@code lead-units} owns
 * {@code /api/v1/lead-units/**}; where a segment is shared by several services, a longer key wins
 * ({@code public.teams}, or {@code teams.*.metrics} with {@code *} for any one segment such as an id).
 * Among keys of one length, literal segments win over {@code *}.
 */
final class RouteTable {
    private static final String PREFIX = "/api/v1/";

    private record Route(String[] segments, URI target) {
        boolean matches(String[] path) {
            if (path.length < segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].equals("*") && !segments[i].equals(path[i])) {
                    return false;
                }
            }
            return true;
        }

        long wildcards() {
            return Arrays.stream(segments).filter("*"::equals).count();
        }
    }

    private final List<Route> routes;

    RouteTable(Map<String, String> routes, Map<String, String> services) {
        this.routes = routes.entrySet().stream().map(e -> {
            String base = services.get(e.getValue());
            if (base == null) {
                throw new IllegalArgumentException("route " + e.getKey() + " names unknown service " + e.getValue());
            }
            return new Route(e.getKey().split("\\."), URI.create(base));
        }).sorted(Comparator.<Route>comparingInt(r -> -r.segments().length).thenComparingLong(Route::wildcards))
                .toList();
    }

    Optional<URI> target(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] segments = path.substring(PREFIX.length()).split("/");
        return routes.stream().filter(r -> r.matches(segments)).findFirst().map(Route::target);
    }
}
