package cn.org.kczg.teams.kit.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Actions whose body is optional ({@code POST …/withdraw} with or without {@code {"reason": …}}) may
 * be called with no body, whatever Content-Type a client library adds: an empty body is an empty JSON
 * body, not a 415.
 */
public class EmptyBodyAsJson {
    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ServerRequestFilter(preMatching = true)
    public void defaultContentType(ContainerRequestContext request) {
        if (WITH_BODY.contains(request.getMethod()) && request.getHeaderString("Transfer-Encoding") == null) {
            String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            if (length == null || "0".equals(length.trim())) {
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            }
        }
    }
}
