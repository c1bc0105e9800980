package cn.org.kczg.teams.review.messaging;

import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import cn.org.kczg.teams.review.ban.BanService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code evaluation.events}: Art. 20 bans, and their lifting after an upheld appeal. */
@ApplicationScoped
public class EvaluationEventsConsumer {
    static final String CONSUMER = "review-service.evaluation-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    EvaluationEventsConsumer(EventInbox inbox, BanService bans) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(LeadUnitBanned.TYPE, LeadUnitBanned.class, bans::onLeadUnitBanned)
                .on(LeadUnitBanLifted.TYPE, LeadUnitBanLifted.class, bans::onBanLifted)
                .build();
    }

    @Incoming("evaluation-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
