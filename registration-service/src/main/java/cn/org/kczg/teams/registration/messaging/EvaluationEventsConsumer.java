package cn.org.kczg.teams.registration.messaging;

import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.events.evaluation.TeamDisqualificationReversed;
import cn.org.kczg.teams.events.evaluation.TeamDisqualified;
import cn.org.kczg.teams.events.evaluation.TeamStableSupport;
import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import cn.org.kczg.teams.registration.ban.BanProjection;
import cn.org.kczg.teams.registration.privacy.ErasureService;
import cn.org.kczg.teams.registration.team.TeamService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code evaluation.events}: Art. 20 disqualifications end teams (an upheld appeal gives them back); bans stop
 * submissions until lifted; answers to erasure requests.
 */
@ApplicationScoped
public class EvaluationEventsConsumer {
    static final String CONSUMER = "registration-service.evaluation-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    EvaluationEventsConsumer(EventInbox inbox, TeamService teams, BanProjection bans,
            ErasureService erasures) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(TeamDisqualified.TYPE, TeamDisqualified.class, teams::onDisqualified)
                .on(TeamDisqualificationReversed.TYPE, TeamDisqualificationReversed.class,
                        teams::onDisqualificationReversed)
                .on(TeamStableSupport.TYPE, TeamStableSupport.class, teams::onStableSupport)
                .on(LeadUnitBanned.TYPE, LeadUnitBanned.class, bans::onLeadUnitBanned)
                .on(LeadUnitBanLifted.TYPE, LeadUnitBanLifted.class, bans::onBanLifted)
                .on(PersonalDataErased.TYPE, PersonalDataErased.class, erasures::onErased)
                .build();
    }

    @Incoming("evaluation-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
