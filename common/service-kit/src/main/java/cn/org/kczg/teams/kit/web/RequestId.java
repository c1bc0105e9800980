package cn.org.kczg.teams.kit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code X-Request-Id}: taken from the gateway (or generated), put in the log context, echoed back,
 * and used as the correlation id of the events a request causes.
 */
public class RequestId {
    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final int MAX_LENGTH = 100;

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /**
     * While an event is applied: its correlation id is the current id, so what it causes (events, audit entries,
     * log lines) continues its chain. Closing restores what was there.
     */
    public static Scope continuing(String correlationId) {
        Object before = MDC.get(MDC_KEY);
        if (correlationId != null && !correlationId.isBlank() && correlationId.length() <= MAX_LENGTH) {
            MDC.put(MDC_KEY, correlationId);
        }
        return () -> {
            if (before == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, before);
            }
        };
    }

    /** What {@link #continuing} returns: closing it throws nothing. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The id of the request being served, or a fresh one outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }
}
