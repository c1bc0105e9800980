package cn.org.kczg.teams.registration.messaging;

import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import cn.org.kczg.teams.registration.privacy.ErasureService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code activity.events}: activity-service's answers to erasure requests. */
@ApplicationScoped
public class ActivityEventsConsumer {
    static final String CONSUMER = "registration-service.activity-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    ActivityEventsConsumer(EventInbox inbox, ErasureService erasures) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(PersonalDataErased.TYPE, PersonalDataErased.class, erasures::onErased)
                .build();
    }

    @Incoming("activity-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
