package cn.org.kczg.teams.registration.messaging;

import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import cn.org.kczg.teams.registration.application.ApplicationService;
import cn.org.kczg.teams.registration.ban.BanProjection;
import cn.org.kczg.teams.registration.privacy.ErasureService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code review.events}: decisions move applications and create teams; operators' bans stop submissions; answers to erasure requests. */
@ApplicationScoped
public class ReviewEventsConsumer {
    static final String CONSUMER = "registration-service.review-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    ReviewEventsConsumer(EventInbox inbox, ApplicationService applications, BanProjection bans,
            ErasureService erasures) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(ReviewDecided.TYPE, ReviewDecided.class, applications::onReviewDecided)
                .on(LeadUnitBanned.TYPE, LeadUnitBanned.class, bans::onLeadUnitBanned)
                .on(LeadUnitBanLifted.TYPE, LeadUnitBanLifted.class, bans::onBanLifted)
                .on(PersonalDataErased.TYPE, PersonalDataErased.class, erasures::onErased)
                .build();
    }

    @Incoming("review-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
