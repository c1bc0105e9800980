package cn.org.kczg.teams.evaluation.messaging;

import cn.org.kczg.teams.evaluation.review.ReviewDecisions;
import cn.org.kczg.teams.evaluation.sanction.SanctionService;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code review.events} → how each lead unit's applications were decided, per year; bans operators lifted. */
@ApplicationScoped
public class ReviewEventsConsumer {
    static final String CONSUMER = "evaluation-service.review-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    ReviewEventsConsumer(EventInbox inbox, ReviewDecisions decisions, SanctionService sanctions) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder().on(ReviewDecided.TYPE, ReviewDecided.class, decisions::onDecided)
                .on(LeadUnitBanLifted.TYPE, LeadUnitBanLifted.class, sanctions::onBanLifted)
                .build();
    }

    @Incoming("review-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
