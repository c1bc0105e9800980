package cn.org.kczg.teams.activity.messaging;

import cn.org.kczg.teams.activity.report.AssessmentYears;
import cn.org.kczg.teams.events.evaluation.AssessmentPublished;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code evaluation.events} → the years whose assessment is published, after which reports are final. */
@ApplicationScoped
public class EvaluationEventsConsumer {
    static final String CONSUMER = "activity-service.evaluation-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    EvaluationEventsConsumer(EventInbox inbox, AssessmentYears years) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(AssessmentPublished.TYPE, AssessmentPublished.class, years::onPublished)
                .build();
    }

    @Incoming("evaluation-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
