package cn.org.kczg.teams.kit.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
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
    public void defaultContentType(ContainerRequestContext request, HttpServerRequest http) {
        if (WITH_BODY.contains(request.getMethod()) && request.getHeaderString("Transfer-Encoding") == null) {
            String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            // HTTP/2 (an h2c upgrade too) has no Transfer-Encoding: without a length its body may still come, so
            // only a missing Content-Type is filled in there
            boolean empty = length == null ? http.version() != HttpVersion.HTTP_2 : "0".equals(length.trim());
            if (empty || (length == null && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null)) {
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            }
        }
    }
}
