package cn.org.kczg.teams.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** A service's {@code Location} as clients may see it: the public base URL (or none) and the service's path. */
final class PublicLocation {
    private PublicLocation() {
    }

    static String of(String location, Optional<String> publicBaseUrl) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        if (!uri.isAbsolute()) {
            return publicBaseUrl.map(base -> strip(base) + location).orElse(location);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String rest = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        return publicBaseUrl.map(base -> strip(base) + rest).orElse(rest);
    }

    private static String strip(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
