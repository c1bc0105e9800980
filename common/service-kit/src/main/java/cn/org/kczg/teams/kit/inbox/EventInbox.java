package cn.org.kczg.teams.kit.inbox;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.EventTypes;
import cn.org.kczg.teams.kit.resilience.Backoff;
import cn.org.kczg.teams.kit.resilience.DatabaseProbe;
import cn.org.kczg.teams.kit.resilience.TransientFailures;
import cn.org.kczg.teams.kit.web.RequestId;
import cn.org.kczg.teams.platform.privacy.LogSafe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption. Call {@link #consume} from an {@code @Incoming} method: each known event has its effect
 * at most once (see {@link InboxTransaction}); known types a consumer does not handle are skipped.
 *
 * <p>A failure that may pass is retried <em>without limit</em>: while the database does not answer (whatever shape
 * that took on its way up), as soon as it answers again; a timeout, serialization failure or deadlock with
 * exponential back-off, capped. The consumer
 * holds its partition's position, so nothing behind it is skipped and nothing is lost. Only a message that can
 * never succeed is thrown as a {@link PoisonMessageException}, so the channel's {@code dead-letter-queue} failure
 * strategy moves it to {@code <topic>.dlq} with the reason and its origin in headers: not an envelope, a type
 * the contract does not know, a payload that does not read as its type, or a failure the handler repeats
 * {@value #UNEXPLAINED_ATTEMPTS} times with the database up.
 *
 * <p>Tracing: the Kafka connector starts the consumer span, a child of the record's {@code traceparent} header (the
 * relay's producer span), and Quarkus makes it current in the message's context, where this runs. Each event is
 * applied in an {@code apply <type>} span under it, current while the handler runs: what the handler appends to the
 * outbox (and every log line) carries the same trace id. The envelope's correlation id continues as the request id.
 *
 * <p>Every event counts once in {@code kczg_events_consumed_total{consumer,type,outcome}}: {@code applied},
 * {@code duplicate} (already applied: a redelivery), {@code skipped} (a type the consumer does not handle) or
 * {@code dead-lettered} (poison, moved to the DLQ by the channel; type {@code unknown} or {@code unreadable} when the
 * message names no type of the contract).
 */
@ApplicationScoped
public class EventInbox {
    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    static final int UNEXPLAINED_ATTEMPTS = 3;
    private static final Duration DATABASE_POLL = Duration.ofSeconds(1);
    /** The outcomes counted in {@code kczg_events_consumed_total}. */
    static final String APPLIED = "applied";
    static final String DUPLICATE = "duplicate";
    static final String SKIPPED = "skipped";
    static final String DEAD_LETTERED = "dead-lettered";

    @Inject
    InboxTransaction transaction;
    @Inject
    DatabaseProbe database;
    @ConfigProperty(name = "kczg.inbox.retry.initial", defaultValue = "200ms")
    Duration initialWait;
    @ConfigProperty(name = "kczg.inbox.retry.max", defaultValue = "30s")
    Duration maxWait;
    @Inject
    Tracer tracer;
    @Inject
    MeterRegistry registry;

    private Backoff backoff;

    @PostConstruct
    void init() {
        backoff = new Backoff(initialWait, maxWait);
    }

    public void consume(String message, String consumer, EventHandlers handlers) {
        EventEnvelope envelope;
        try {
            envelope = read(message);
        } catch (PoisonMessageException e) {
            count(consumer, unknownOrUnreadable(message), DEAD_LETTERED);
            throw e;
        }
        Span span = tracer.spanBuilder("apply " + envelope.type())
                .setAttribute("kczg.consumer", consumer)
                .setAttribute("kczg.event.type", envelope.type())
                .setAttribute("kczg.event.id", envelope.eventId().toString())
                .setAttribute("kczg.event.producer", String.valueOf(envelope.producer()))
                .startSpan();
        String outcome = DEAD_LETTERED;
        try (Scope current = span.makeCurrent();
                RequestId.Scope chain = RequestId.continuing(envelope.correlationId())) {
            outcome = apply(envelope, consumer, handlers);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        } finally {
            span.setAttribute("kczg.outcome", outcome);
            span.end();
            count(consumer, envelope.type(), outcome);
        }
    }

    private void count(String consumer, String type, String outcome) {
        Counter.builder("kczg.events.consumed").tag("consumer", consumer).tag("type", type).tag("outcome", outcome)
                .description("Events a consumer took from its topic, by what became of them").register(registry)
                .increment();
    }

    /** What a message the contract cannot read is counted as: never a type from the message itself. */
    private static String unknownOrUnreadable(String message) {
        try {
            EventJson.read(message);
            return "unknown";
        } catch (IllegalArgumentException e) {
            return "unreadable";
        }
    }

    /** The outcome: {@code applied}, {@code duplicate} or {@code skipped}; poison is thrown. */
    private String apply(EventEnvelope envelope, String consumer, EventHandlers handlers) {
        Optional<Runnable> handler = handlers.handlerFor(envelope);
        if (handler.isEmpty()) {
            LOG.debugf("%s skips %s %s: not a type it handles", consumer, envelope.type(), envelope.eventId());
            return SKIPPED;
        }
        int failures = 0;
        int unexplained = 0;
        while (true) {
            try {
                // each attempt in a new transaction: a retry inside the failed one would find its own claim
                boolean applied = transaction.applyOnce(envelope.eventId(), consumer, handler.get());
                if (failures > 0) {
                    LOG.infof("%s applied %s %s after %d failed attempts", consumer, envelope.type(),
                            envelope.eventId(), failures);
                } else if (applied) {
                    // one line per event a consumer acted on: with its trace id, this hop of the trace in the logs
                    LOG.infof("%s applied %s %s", consumer, envelope.type(), envelope.eventId());
                } else {
                    LOG.debugf("%s already applied %s %s: a duplicate, skipped", consumer, envelope.type(),
                            envelope.eventId());
                }
                return applied ? APPLIED : DUPLICATE;
            } catch (RuntimeException e) {
                PoisonMessageException poison = poisonIn(e);
                if (poison != null) {
                    throw poison;
                }
                boolean databaseAway = !database.answers();
                if (databaseAway) {
                    awaitDatabase(consumer, envelope, e);
                    continue;
                }
                boolean transientFailure = TransientFailures.isTransient(e);
                if (!transientFailure && ++unexplained >= UNEXPLAINED_ATTEMPTS) {
                    // the reason goes with the message to the DLQ and into the channel's log: the handler's words
                    // without what they quote, the causes as classes only
                    throw new PoisonMessageException(consumer + " failed " + unexplained + " times on "
                            + envelope.type() + " " + envelope.eventId() + " with the database up: "
                            + LogSafe.describe(e) + ": " + LogSafe.withoutQuotes(e.getMessage()), LogSafe.redacted(e));
                }
                failures++;
                Duration wait = backoff.after(failures);
                if (failures == 1 || wait.equals(backoff.max()) && failures % 10 == 0) {
                    LOG.warnf("%s could not apply %s %s (%s, attempt %d); retrying in %d ms: %s", consumer,
                            envelope.type(), envelope.eventId(), transientFailure ? "transient" : "unexplained",
                            failures, wait.toMillis(), LogSafe.describe(e));
                }
                pause(wait);
            }
        }
    }

    /**
     * The database does not answer: look once a second and try again as soon as it does, rather than back off
     * past its return.
     */
    private void awaitDatabase(String consumer, EventEnvelope envelope, RuntimeException failure) {
        LOG.warnf("%s waits for the database to apply %s %s: %s", consumer, envelope.type(), envelope.eventId(),
                LogSafe.describe(failure));
        long since = System.nanoTime();
        do {
            pause(DATABASE_POLL);
        } while (!database.answers());
        LOG.infof("%s: the database answers again after %d s", consumer,
                Duration.ofNanos(System.nanoTime() - since).toSeconds());
    }

    private static EventEnvelope read(String message) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(message);
        } catch (IllegalArgumentException e) {
            // the parser's words without the fragments of the message it quotes: the channel logs this exception
            throw new PoisonMessageException(LogSafe.withoutQuotes(e.getMessage()), LogSafe.redacted(e));
        }
        if (!EventTypes.isKnown(envelope.type())) {
            throw new PoisonMessageException("unknown event type '" + envelope.type() + "' (event "
                    + envelope.eventId() + "): not in the event contract", null);
        }
        return envelope;
    }

    private static PoisonMessageException poisonIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonMessageException poison) {
                return poison;
            }
        }
        return null;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            // stopping: try once more now rather than give the message up (a nack would dead-letter it); if the
            // process ends first, the uncommitted offset brings the message back
        }
    }
}
