package cn.org.kczg.teams.evaluation.messaging;

import cn.org.kczg.teams.evaluation.privacy.PersonalDataEraser;
import cn.org.kczg.teams.evaluation.team.TeamProjection;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code registration.events} → which teams a year's assessment scores, and their lead units. */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String CONSUMER = "evaluation-service.registration-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    RegistrationEventsConsumer(EventInbox inbox, TeamProjection teams, PersonalDataEraser eraser) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadUnitRegistered.TYPE, LeadUnitRegistered.class, teams::onLeadUnitRegistered)
                .on(TeamActivated.TYPE, TeamActivated.class, teams::onActivated)
                .on(TeamStatusChanged.TYPE, TeamStatusChanged.class, teams::onStatusChanged)
                .on(ErasureRequested.TYPE, ErasureRequested.class, eraser::onErasureRequested)
                .build();
    }

    @Incoming("registration-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
