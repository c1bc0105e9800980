package cn.org.kczg.teams.activity.messaging;

import cn.org.kczg.teams.activity.privacy.PersonalDataEraser;
import cn.org.kczg.teams.activity.team.TeamProjection;
import cn.org.kczg.teams.activity.ticket.TicketService;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.events.registration.TeamMembersChanged;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code registration.events} → the teams the demand hall can match and assign; erasures of a person. */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String CONSUMER = "activity-service.registration-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    RegistrationEventsConsumer(EventInbox inbox, TeamProjection teams, TicketService tickets,
            PersonalDataEraser eraser) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(TeamActivated.TYPE, TeamActivated.class, teams::onActivated)
                .on(TeamStatusChanged.TYPE, TeamStatusChanged.class, (event, envelope) -> {
                    teams.onStatusChanged(event, envelope);
                    tickets.onTeamStatusChanged(event, envelope);
                })
                .on(TeamHandlerChanged.TYPE, TeamHandlerChanged.class, teams::onHandlerChanged)
                .on(TeamMembersChanged.TYPE, TeamMembersChanged.class, teams::onMembersChanged)
                .on(ErasureRequested.TYPE, ErasureRequested.class, eraser::onErasureRequested)
                .build();
    }

    @Incoming("registration-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
