package cn.org.kczg.teams.gateway;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a path under {@code /api/v1/} belongs to, by its leading segments: {@code lead-units} matches
 * {@code /api/v1/lead-units/**}; a longer key wins ({@code public.teams}, or {@code teams.*.metrics} with
 * {@code *} for any one segment such as an id), and among keys of one length, literal segments win over
 * {@code *}. The gateway keeps two: path → owning service, and path → rate-limit group.
 */
final class RouteTable<T> {
    private static final String PREFIX = "/api/v1/";

    private record Route<T>(String[] segments, T target) {
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

    private final List<Route<T>> routes;

    RouteTable(Map<String, T> byKey) {
        this.routes = byKey.entrySet().stream().map(e -> new Route<>(e.getKey().split("\\."), e.getValue()))
                .sorted(Comparator.<Route<T>>comparingInt(r -> -r.segments().length).thenComparingLong(Route::wildcards))
                .toList();
    }

    /** Path → the service's instances, from {@code kczg.gateway.routes} and {@code kczg.gateway.services}. */
    static RouteTable<Upstream> services(Map<String, String> routes, Map<String, String> services) {
        Map<String, Upstream> upstreams = services.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Upstream(e.getKey(), e.getValue())));
        return new RouteTable<>(routes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            Upstream upstream = upstreams.get(e.getValue());
            if (upstream == null) {
                throw new IllegalArgumentException("route " + e.getKey() + " names unknown service " + e.getValue());
            }
            return upstream;
        })));
    }

    Optional<T> target(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] segments = path.substring(PREFIX.length()).split("/");
        return routes.stream().filter(r -> r.matches(segments)).findFirst().map(Route::target);
    }
}
