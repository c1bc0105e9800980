package cn.org.kczg.teams.activity.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Partner webhooks: how many, where they may point, how deliveries are retried. */
@ConfigMapping(prefix = "kczg.webhooks")
public interface WebhookConfig {
    /** Development only: lets a webhook point at a loopback host, over plain http too (never other addresses). */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** Webhooks one partner may have. */
    @WithDefault("10")
    int perPartner();

    /** The wait after the first failed attempt, doubled after each further one up to {@link #maxRetry()}. */
    @WithDefault("5s")
    Duration firstRetry();

    @WithDefault("1h")
    Duration maxRetry();

    /** How long after its first attempt a delivery is retried before it is parked. */
    @WithDefault("24h")
    Duration retryWindow();

    /** Connecting and answering, each attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** How often due deliveries are looked for. */
    @WithDefault("1s")
    Duration dispatchEvery();

    /** Deliveries sent per round of the dispatcher. */
    @WithDefault("20")
    int batchSize();
}
