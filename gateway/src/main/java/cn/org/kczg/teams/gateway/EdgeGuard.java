package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.platform.security.Sm2JwtParser;
import cn.org.kczg.teams.platform.security.TokenTimes;
import cn.org.kczg.teams.platform.security.VerifiedTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Who may come in: verifies a bearer token when one is sent (signature, issuer, audience, expiry → else 401)
 * and counts the request against the caller's rate limit (→ 429 with Retry-After). Anonymous requests pass
 * with their client address as the caller; the services decide what anonymous callers may do.
 */
@ApplicationScoped
public class EdgeGuard {
    private static final Logger LOG = Logger.getLogger(EdgeGuard.class);
    static final String SUBJECT = "kczg.subject";
    /** The client's address as {@link ClientAddress} found it, put by the proxy. */
    static final String CLIENT = "kczg.client";
    /** The verified token's groups, for the security log. */
    static final String ROLES = "kczg.roles";

    @Inject
    GatewayConfig config;
    @Inject
    JWTParser jwtParser;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;

    private RateLimiter limiter;
    /**
     * {@code kczg_gateway_rate_limited_total{group, caller_kind}}: requests answered 429, by path group and kind of
     * caller (anonymous, token, partner) — never the caller itself, whose ids and addresses are unbounded.
     */
    private final Map<String, Counter> rateLimited = new ConcurrentHashMap<>();
    private static final String RATE_LIMITED = "kczg.gateway.rate.limited";
    private static final List<String> CALLER_KINDS = List.of("anonymous", "token", "partner");
    /** Tokens already verified, until they expire: an RS256 check per request would cost more than the proxying. */
    private VerifiedTokens verifiedTokens;
    private static final int TOKEN_CACHE_SIZE = 10_000;
    /** Read as configuration, not from SmallRye's context: that would load the verification key at start. */
    @ConfigProperty(name = "mp.jwt.verify.token.age")
    Optional<Long> tokenAgeSeconds;

    /** SM3withSM2 tokens (issue 24), under the same claim rules; RS256 ones go to SmallRye as before. */
    private Sm2JwtParser sm2;

    void init(@Observes StartupEvent event) {
        sm2 = Sm2JwtParser.fromConfig(ConfigProvider.getConfig());
        limiter = new RateLimiter(config.rateLimits());
        verifiedTokens = new VerifiedTokens(TOKEN_CACHE_SIZE, tokenAgeSeconds.orElse(0L));
        vertx.setPeriodic(60_000, id -> limiter.evictIdle());
        if (config.rateLimits().enabled()) {
            // every configured group and kind from the start, at 0: a rate over a series that appears late is wrong
            config.rateLimits().groups().keySet().forEach(group -> CALLER_KINDS.forEach(kind -> rateLimited(group, kind)));
        }
    }

    private Counter rateLimited(String group, String callerKind) {
        return rateLimited.computeIfAbsent(group + "|" + callerKind, k -> Counter.builder(RATE_LIMITED)
                .tag("group", group).tag("caller_kind", callerKind)
                .description("Requests refused with 429 because the caller had spent its budget for the path group")
                .register(registry));
    }

    /** {@code ip:…} anonymous (or a bad token, which spends its address's budget), {@code sub:…}, {@code partner:…}. */
    static String callerKind(String caller) {
        if (caller.startsWith("partner:")) {
            return "partner";
        }
        return caller.startsWith("sub:") ? "token" : "anonymous";
    }

    /** Calls {@code next} with the verified token (null when none was sent), or answers 401 / 429 itself. */
    void admit(RoutingContext ctx, Consumer<JsonWebToken> next) {
        HttpServerRequest request = ctx.request();
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            if (withinLimit(ctx, "ip:" + client(ctx), false)) {
                next.accept(null);
            }
            return;
        }
        JsonWebToken known = verifiedTokens.get(authorization, System.currentTimeMillis() / 1000);
        if (known != null) {
            admitToken(ctx, known, next);
            return;
        }
        request.pause();
        vertx.<Optional<JsonWebToken>>executeBlocking(() -> verified(authorization), false).onComplete(result -> {
            if (result.succeeded() && result.result().isPresent()) {
                JsonWebToken token = result.result().get();
                verifiedTokens.put(authorization, token);
                if (!admitToken(ctx, token, next)) {
                    request.resume();
                }
            } else {
                request.resume();
                // a bad token costs its client address like an anonymous request: no free signature checks
                if (!withinLimit(ctx, "ip:" + client(ctx), false)) {
                    return;
                }
                request.response().putHeader("WWW-Authenticate", "Bearer");
                GatewayProblems.answer(request, 401, "unauthorized", "unauthorized");
            }
        });
    }

    private static String client(RoutingContext ctx) {
        String client = ctx.get(CLIENT);
        if (client != null) {
            return client;
        }
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }

    private boolean admitToken(RoutingContext ctx, JsonWebToken token, Consumer<JsonWebToken> next) {
        ctx.put(SUBJECT, token.getSubject());
        ctx.put(ROLES, token.getGroups());
        Object partner = token.getClaim("partner");
        if (withinLimit(ctx, partner != null ? "partner:" + partner : "sub:" + token.getSubject(), partner != null)) {
            next.accept(token);
            return true;
        }
        return false;
    }

    /**
     * Counts the request against the caller's budget for the path's group; answers 429 with Retry-After when
     * it is spent. Every answer says how much is left ({@code RateLimit-Limit}, {@code RateLimit-Remaining}).
     */
    private boolean withinLimit(RoutingContext ctx, String caller, boolean partner) {
        RateLimiter.Decision decision = limiter.take(ctx.request().path(), caller, partner);
        HttpServerResponse response = ctx.response();
        if (decision.limit() > 0) {
            response.putHeader("RateLimit-Limit", String.valueOf(decision.limit()))
                    .putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        }
        if (decision.allowed()) {
            return true;
        }
        rateLimited(decision.group(), callerKind(caller)).increment();
        response.putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        GatewayProblems.answer(ctx.request(), 429, "rate-limited", "rate-limited", decision.limit(),
                decision.retryAfterSeconds());
        return false;
    }


    /** The token when its signature, issuer, audience, expiry and issue time check out. */
    private Optional<JsonWebToken> verified(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            String raw = authorization.substring(7).trim();
            JsonWebToken token = Sm2JwtParser.handles(raw)
                    ? sm2.parse(raw, System.currentTimeMillis() / 1000)
                    : jwtParser.parse(raw);
            // SmallRye checks exp with mp.jwt.verify.clock.skew but lets an iat in the future pass
            if (TokenTimes.issuedInTheFuture(token.getIssuedAtTime(), System.currentTimeMillis() / 1000)) {
                LOG.debugf("Rejected token of %s: issued in the future", token.getSubject());
                return Optional.empty();
            }
            return Optional.of(token);
        } catch (ParseException e) {
            LOG.debugf("Rejected token: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
