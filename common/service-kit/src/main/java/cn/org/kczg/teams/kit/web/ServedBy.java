package cn.org.kczg.teams.kit.web;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code X-Served-By}: which instance answered — the pod name in Kubernetes, host and port elsewhere — so
 * an operator (and the scale-out test) can see the gateway spreading requests over a service's instances.
 */
@Singleton
public class ServedBy {
    public static final String HEADER = "X-Served-By";

    private final String instance;

    public ServedBy(@ConfigProperty(name = "kczg.instance") Optional<String> configured,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        this.instance = configured.orElseGet(() -> hostName() + ":" + port);
    }

    @ServerResponseFilter
    public void tag(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, instance);
    }

    public String instance() {
        return instance;
    }

    private static String hostName() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
