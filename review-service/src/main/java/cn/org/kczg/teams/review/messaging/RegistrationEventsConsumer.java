package cn.org.kczg.teams.review.messaging;

import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.registration.ApplicationSubmitted;
import cn.org.kczg.teams.events.registration.ApplicationWithdrawn;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.LeadUnitUpdated;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import cn.org.kczg.teams.review.eligibility.EligibilityService;
import cn.org.kczg.teams.review.privacy.PersonalDataEraser;
import cn.org.kczg.teams.review.review.ReviewCaseService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code registration.events} → lead units, teams and review cases. */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String CONSUMER = "review-service.registration-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    RegistrationEventsConsumer(EventInbox inbox, EligibilityService eligibility, ReviewCaseService reviews,
            PersonalDataEraser eraser) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, eligibility::onLeadUnitRegistered)
                .on(LeadUnitUpdated.TYPE, LeadUnitUpdated.class, eligibility::onLeadUnitUpdated)
                .on(TeamActivated.TYPE, TeamActivated.class, eligibility::onTeamActivated)
                .on(TeamStatusChanged.TYPE, TeamStatusChanged.class, eligibility::onTeamStatusChanged)
                .on(ApplicationSubmitted.TYPE, ApplicationSubmitted.class, reviews::onApplicationSubmitted)
                .on(ApplicationWithdrawn.TYPE, ApplicationWithdrawn.class, reviews::onApplicationWithdrawn)
                .on(ErasureRequested.TYPE, ErasureRequested.class, eraser::onErasureRequested)
                .build();
    }

    @Incoming("registration-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
