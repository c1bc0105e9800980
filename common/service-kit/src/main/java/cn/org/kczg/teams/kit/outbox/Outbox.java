package cn.org.kczg.teams.kit.outbox;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.kit.tracing.Traceparent;
import cn.org.kczg.teams.kit.web.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only way a service emits an event: {@link #append} inside the transaction that makes the change,
 * so the event exists exactly when the change does. The relay publishes it after commit, continuing the trace of
 * the span that appended it (its {@code traceparent} is kept in the row).
 */
@ApplicationScoped
public class Outbox {
    @Inject
    OutboxConfig config;
    @Inject
    OutboxRelay relay;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @ConfigProperty(name = "quarkus.application.name")
    String producer;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(EventPayload payload) {
        EventEnvelope envelope = EventJson.envelope(payload, producer, RequestId.current(), Instant.now());
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = config.topic();
        row.eventType = envelope.type();
        row.aggregateId = envelope.aggregateId();
        row.envelope = EventJson.write(envelope);
        row.createdAt = envelope.occurredAt();
        row.traceparent = Traceparent.current();
        row.persist();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.nudge();
                }
            }
        });
        return envelope;
    }
}
