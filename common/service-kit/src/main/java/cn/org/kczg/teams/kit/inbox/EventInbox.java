package cn.org.kczg.teams.kit.inbox;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption. Call {@link #consume} from an {@code @Incoming} method: unknown types are
 * skipped, each known event has its effect at most once (see {@link InboxTransaction}), transient
 * failures are retried a bounded number of times, and what still fails is thrown so the channel's
 * {@code dead-letter-queue} failure strategy moves it to {@code <topic>.dlq} and the partition flows on.
 */
@ApplicationScoped
public class EventInbox {
    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    InboxTransaction transaction;

    /**
     * Each retry runs {@link InboxTransaction#applyOnce} in a new transaction. (A retry inside one
     * transaction would find its own claim from the failed attempt and commit it without the effect.)
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = PoisonMessageException.class)
    public void consume(String message, String consumer, EventHandlers handlers) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(message);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(e.getMessage(), e);
        }
        Optional<Runnable> handler = handlers.handlerFor(envelope);
        if (handler.isEmpty()) {
            LOG.debugf("%s skips %s %s: not a type it handles", consumer, envelope.type(), envelope.eventId());
            return;
        }
        transaction.applyOnce(envelope.eventId(), consumer, handler.get());
    }
}
