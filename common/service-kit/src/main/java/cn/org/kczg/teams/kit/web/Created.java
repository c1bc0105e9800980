package cn.org.kczg.teams.kit.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The one way to answer 201: {@code Location} names where the created resource is read ({@code GET}), the body is its
 * view. A path: the gateway answers it on its public base URL; a service never shows its own address.
 */
public final class Created {
    private Created() {
    }

    /** {@code path} is the resource's API path, e.g. {@code "/api/v1/tickets/" + id}. */
    public static Response at(String path, Object view) {
        return Response.created(URI.create(path)).entity(view).build();
    }
}
