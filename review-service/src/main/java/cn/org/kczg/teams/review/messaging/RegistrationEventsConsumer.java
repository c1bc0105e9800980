package cn.org.kczg.teams.review.messaging;

import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import cn.org.kczg.teams.review.eligibility.EligibilityService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code registration.events} → review-service's projections. */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String CONSUMER = "review-service.registration-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    RegistrationEventsConsumer(EventInbox inbox, EligibilityService eligibility) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, eligibility::onLeadUnitRegistered)
                .build();
    }

    @Incoming("registration-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
