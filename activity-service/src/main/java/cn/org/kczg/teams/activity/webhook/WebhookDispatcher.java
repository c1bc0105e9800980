package cn.org.kczg.teams.activity.webhook;

import cn.org.kczg.teams.kit.resilience.Backoff;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Each round claims a batch in one short transaction ({@code FOR UPDATE SKIP LOCKED}: another
 * instance takes other rows) by counting the attempt and moving the row's due time past the attempt's end, sends
 * outside any transaction, then records each answer — so two instances never send the same attempt, and an attempt
 * whose instance died is made again once its claim runs out. A failure waits {@code first-retry}, doubling to
 * {@code max-retry}, with ±20 % jitter; the last attempt is at the end of the retry window, after which the delivery
 * is PARKED.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** How far past the attempt's own timeout a claim holds: the batch's look-ups and the recording. */
    private static final Duration CLAIM_MARGIN = Duration.ofMinutes(2);
    private static final String DUE_SQL = """
            select d.id, d.attempts, d.event_id, d.envelope, w.url, w.secret from webhook_delivery d
            join webhook w on w.id = d.webhook_id
            where d.status = 'PENDING' and d.next_attempt_at <= :now
            order by d.next_attempt_at limit :limit for update of d skip locked""";

    @Inject
    WebhookConfig config;
    @Inject
    CallbackClient client;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    private Backoff backoff;

    @PostConstruct
    void init() {
        backoff = new Backoff(config.firstRetry(), config.maxRetry());
    }

    record Claimed(UUID id, int attempt, UUID eventId, String envelope, String url, String secret) {
    }

    @Scheduled(every = "${kczg.webhooks.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        List<Claimed> batch;
        do {
            batch = claim();
            send(batch);
        } while (batch.size() == config.batchSize());
    }

    List<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(DUE_SQL).setParameter("now", now)
                    .setParameter("limit", config.batchSize()).getResultList();
            List<Claimed> claimed = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                claimed.add(new Claimed((UUID) row[0], ((Number) row[1]).intValue() + 1, (UUID) row[2],
                        (String) row[3], (String) row[4], (String) row[5]));
            }
            if (!claimed.isEmpty()) {
                em.createNativeQuery("""
                        update webhook_delivery set attempts = attempts + 1, next_attempt_at = :until,
                        first_attempt_at = coalesce(first_attempt_at, :now) where id in (:ids)""")
                        .setParameter("until", now.plus(config.timeout()).plus(CLAIM_MARGIN))
                        .setParameter("now", now)
                        .setParameter("ids", claimed.stream().map(Claimed::id).toList())
                        .executeUpdate();
            }
            return claimed;
        });
    }

    private void send(List<Claimed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        CallbackAddress addresses = new CallbackAddress(config.allowLoopbackHttp(), InetAddress::getAllByName);
        List<CompletableFuture<CallbackClient.Answer>> answers = new ArrayList<>(batch.size());
        for (Claimed d : batch) {
            CallbackAddress.Target target;
            try {
                target = addresses.check(d.url());
            } catch (CallbackAddress.Refused e) {
                answers.add(CompletableFuture.completedFuture(new CallbackClient.Answer(null,
                        "address refused: " + e.getMessage())));
                continue;
            }
            long timestamp = clock.instant().getEpochSecond();
            Map<String, String> headers = Map.of(
                    "content-type", "application/json",
                    "webhook-id", d.eventId().toString(),
                    "webhook-timestamp", Long.toString(timestamp),
                    "webhook-signature", WebhookSignature.sign(d.secret(), d.eventId().toString(), timestamp,
                            d.envelope()));
            answers.add(client.post(target, headers, d.envelope()).toCompletionStage().toCompletableFuture());
        }
        long waitUntil = System.nanoTime() + config.timeout().plusSeconds(5).toNanos();
        for (int i = 0; i < batch.size(); i++) {
            record(batch.get(i), answerOf(answers.get(i), waitUntil));
        }
    }

    private static CallbackClient.Answer answerOf(CompletableFuture<CallbackClient.Answer> answer, long waitUntil) {
        try {
            return answer.get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new CallbackClient.Answer(null, "no answer in time");
        } catch (ExecutionException e) {
            return new CallbackClient.Answer(null, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallbackClient.Answer(null, "interrupted");
        }
    }

    /** The attempt's outcome, unless the delivery was redelivered (or deleted) meanwhile. */
    private void record(Claimed claimed, CallbackClient.Answer answer) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery d = em.find(WebhookDelivery.class, claimed.id(), LockModeType.PESSIMISTIC_WRITE);
            if (d == null || d.status != WebhookDelivery.Status.PENDING || d.attempts != claimed.attempt()) {
                return;
            }
            Instant now = clock.instant();
            d.lastStatusCode = answer.statusCode();
            d.lastError = answer.error();
            if (answer.delivered()) {
                d.status = WebhookDelivery.Status.DELIVERED;
                d.deliveredAt = now;
                d.nextAttemptAt = null;
                return;
            }
            Instant windowEnd = d.firstAttemptAt.plus(config.retryWindow());
            if (now.isBefore(windowEnd)) {
                d.nextAttemptAt = min(now.plus(jittered(backoff.after(claimed.attempt()))), windowEnd);
            } else {
                d.status = WebhookDelivery.Status.PARKED;
                d.nextAttemptAt = null;
                LOG.warnf("Webhook delivery %s of event %s parked after %d attempts: %s", d.id, d.eventId,
                        d.attempts, answer.error());
            }
        });
    }

    private static Duration jittered(Duration wait) {
        return Duration.ofMillis((long) (wait.toMillis() * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
