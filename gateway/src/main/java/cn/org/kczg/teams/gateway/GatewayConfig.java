package cn.org.kczg.teams.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * A request body of which nothing arrives for this long (while the service reads) is answered 400 and its
     * connection closed — well before {@code timeout}, so a body that never comes does not end as a 504.
     */
    @WithDefault("3s")
    Duration bodyIdleTimeout();

    /**
     * An instance set aside (it answered {@code Connection: close}: it is stopping; or it hung up, or refused) is
     * asked this path this often, and is back in rotation when it answers 200.
     */
    @WithDefault("/q/health/ready")
    String readinessPath();

    /**
     * Where clients reach the API, e.g. {@code https://teams-api.kczg.org.cn}: a service's {@code Location} is
     * rewritten onto it. Unset, a {@code Location} becomes a path ({@code /api/v1/tickets/…}) — never a service's
     * internal address, nor whatever {@code Host} a client sent.
     */
    Optional<String> publicBaseUrl();

    /**
     * The proxies in front of the gateway (CIDRs or addresses, e.g. the ingress controllers' pod range): their
     * {@code X-Forwarded-For} names the client. Unset, the peer is the client.
     */
    Optional<List<String>> trustedProxies();

    @WithDefault("1s")
    Duration readinessProbeInterval();

    /** Larger request bodies are refused with 413 before they reach a service (uploads are 20 MB at most). */
    @WithDefault("26214400")
    long maxBodyBytes();

    RateLimits rateLimits();

    Console console();

    /** The operator console at {@code /console/} (see {@code ConsoleRoutes}). */
    interface Console {
        /** A folder to serve the console from instead of the built-in files: the front end's build output. */
        Optional<String> dir();

        /** The platform's OpenID Connect provider (authorization code + PKCE); unset, the console takes a token. */
        Optional<String> oidcIssuer();

        /** The console's client id at that provider. */
        Optional<String> oidcClientId();

        @WithDefault("openid profile")
        String oidcScope();

        /**
         * Whether the console also takes a token (the development link {@code #token=…}, or pasted). Unset: only while
         * no OpenID Connect provider is set — a production console signs in at the provider alone, so nobody can be
         * signed in under someone else's token by a link.
         */
        Optional<Boolean> tokenSignIn();
    }

    Events events();

    /** The live event stream's feed from the four topics. */
    interface Events {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("registration.events,review.events,activity.events,evaluation.events")
        List<String> topics();

        /** How far back the feed reads at start and at least keeps: streams resume within this. */
        @WithDefault("75m")
        Duration retention();

        /** At most this many events in memory. */
        @WithDefault("20000")
        int capacity();

        /** And at most this much of their JSON: the oldest go first when it is exceeded. */
        @WithDefault("32M")
        MemorySize maxBytes();

        /** A comment line this often keeps proxies from closing idle streams. */
        @WithDefault("15s")
        Duration heartbeat();

        /** After a broker error the feed reconnects, first after this long, doubling up to {@code reconnect-max}. */
        @WithDefault("500ms")
        Duration reconnectMin();

        @WithDefault("30s")
        Duration reconnectMax();

        /** How often the feed looks for new partitions, which is also how soon it notices a lost broker. */
        @WithDefault("10s")
        Duration partitionCheck();
    }

    /**
     * Requests per caller (token subject; partner id for partners; client address for anonymous callers)
     * and route group; paths map to groups like routes do, the rest is group {@code default}.
     */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Path key ({@code public}, {@code tickets}, {@code teams.*.metrics}) → group name. */
        Map<String, String> paths();

        Map<String, Group> groups();

        interface Group {
            /** Requests a caller may make per period. */
            long limit();

            /** A partner system's own, larger budget; the group's limit when absent. */
            Optional<Long> partnerLimit();

            @WithDefault("1m")
            Duration period();
        }
    }

    /** Issue 24: the append-only, hash-chained security log ({@code securitylog/SecurityLog}). */
    SecurityLog securityLog();

    interface SecurityLog {
        /** The directory of the day files; unset: no security log (the launcher and Kubernetes set it). */
        Optional<java.nio.file.Path> dir();

        /** Day files older than this are deleted, whole (Cybersecurity Law Art. 21: at least six months). */
        @WithDefault("P180D")
        java.time.Period retention();

        /** 401, 403 and 429 answers to one client are counted over this window and written as one entry. */
        @WithDefault("1m")
        Duration window();

        /** From this many answers in a window the entry is marked a burst. */
        @WithDefault("10")
        int burst();

        /**
         * Each instance its own chain in {@code dir/<host name>} (Kubernetes: the pod's name, on a volume the
         * replicas share); retention then clears the day files of every instance's directory, gone pods' too.
         */
        @WithDefault("false")
        boolean perHost();

        /**
         * The Kafka topic the chain's head (line number, hash, time) is published to, keyed by the chain (its
         * directory's name): kept outside the log's storage, it shows a cut tail. Unset: no anchors.
         */
        Optional<String> anchorTopic();

        /** How often the head is published, when it moved since the last anchor; and always at shutdown. */
        @WithDefault("1m")
        Duration anchorEvery();
    }
}
