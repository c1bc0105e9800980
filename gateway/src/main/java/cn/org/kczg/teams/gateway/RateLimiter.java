package cn.org.kczg.teams.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) per route group and caller, refilled evenly over the group's period. Buckets of
 * callers idle for longer than a period are dropped by {@link #evictIdle()}, so memory follows the active
 * callers, not everyone ever seen.
 */
final class RateLimiter {
    /** {@code retryAfterSeconds} is 0 when allowed; {@code group} is the path group counted (null when disabled). */
    record Decision(boolean allowed, String group, long limit, long remaining, long retryAfterSeconds) {
    }

    private record Entry(Bucket bucket, long limit, Duration period, long[] lastUsedNanos) {
    }

    private final GatewayConfig.RateLimits config;
    private final RouteTable<String> groups;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    RateLimiter(GatewayConfig.RateLimits config) {
        this.config = config;
        this.groups = new RouteTable<>(config.paths());
        if (config.enabled() && !config.groups().containsKey("default")) {
            throw new IllegalArgumentException("kczg.gateway.rate-limits.groups.default is required");
        }
    }

    /**
     * @param caller {@code sub:…}, {@code partner:…} or {@code ip:…}
     */
    Decision take(String path, String caller, boolean partner) {
        if (!config.enabled()) {
            return new Decision(true, null, 0, 0, 0);
        }
        String group = groups.target(path).filter(config.groups()::containsKey).orElse("default");
        GatewayConfig.RateLimits.Group limits = config.groups().get(group);
        long limit = partner ? limits.partnerLimit().orElse(limits.limit()) : limits.limit();
        Entry entry = buckets.computeIfAbsent(group + "|" + caller, k -> new Entry(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, limits.period()).build()).build(),
                limit, limits.period(), new long[1]));
        entry.lastUsedNanos()[0] = System.nanoTime();
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, group, limit, probe.getRemainingTokens(), 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, group, limit, 0, seconds);
    }

    void evictIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(e -> now - e.lastUsedNanos()[0] > e.period().toNanos());
    }

    int size() {
        return buckets.size();
    }
}
