package cn.org.kczg.teams.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "kczg.gateway")
public interface GatewayConfig {
    /** Service name → base URL, e.g. {@code registration → http://localhost:8081}. */
    Map<String, String> services();

    /** First path segment after {@code /api/v1/} → the service that owns it. */
    Map<String, String> routes();

    /** How long a service may take to answer before the gateway gives up with 504. */
    @WithDefault("10s")
    Duration timeout();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Larger request bodies are refused with 413 before they reach a service (uploads are 20 MB at most). */
    @WithDefault("26214400")
    long maxBodyBytes();
}
