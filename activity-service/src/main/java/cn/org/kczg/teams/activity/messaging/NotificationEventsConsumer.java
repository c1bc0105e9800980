package cn.org.kczg.teams.activity.messaging;

import cn.org.kczg.teams.activity.notification.NoticeDraft;
import cn.org.kczg.teams.activity.notification.NoticeRules;
import cn.org.kczg.teams.activity.notification.NotificationService;
import cn.org.kczg.teams.activity.team.TeamCopy;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.activity.ComplaintFiled;
import cn.org.kczg.teams.events.activity.FeeViolationFlagged;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.activity.TicketMessagePosted;
import cn.org.kczg.teams.events.activity.UploadDueSoon;
import cn.org.kczg.teams.events.activity.UploadOverdue;
import cn.org.kczg.teams.events.activity.UploadReviewed;
import cn.org.kczg.teams.events.evaluation.AssessmentPublished;
import cn.org.kczg.teams.events.evaluation.GradeCorrected;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.events.review.ReviewCaseAssigned;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every service's topic → notices ({@link NoticeRules}), in a consumer group of its own so notifying never holds up
 * the demand hall's own consumer of registration's events. Through the inbox: an event is turned into notices once.
 */
@ApplicationScoped
public class NotificationEventsConsumer {
    static final String CONSUMER = "activity-service.notifications";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    NotificationEventsConsumer(EventInbox inbox, NotificationService notifications) {
        this.inbox = inbox;
        NoticeRules rules = new NoticeRules(teamId -> TeamCopy.<TeamCopy>findByIdOptional(teamId)
                .map(t -> new NoticeRules.TeamRef(t.name, t.leadUnitCreditCode)).orElse(null));
        EventHandlers.Builder builder = EventHandlers.builder();
        for (String type : List.of(TicketChanged.ASSIGNED, TicketChanged.RESUMED, TicketChanged.SLA_WARNING,
                TicketChanged.OVERDUE)) {
            builder.on(type, TicketChanged.class, tell(notifications, rules::ticket));
        }
        this.handlers = builder
                .on(TicketMessagePosted.TYPE, TicketMessagePosted.class, tell(notifications, rules::message))
                .on(ReviewDecided.TYPE, ReviewDecided.class, tell(notifications, rules::reviewDecided))
                .on(ReviewCaseAssigned.TYPE, ReviewCaseAssigned.class, tell(notifications, rules::reviewCaseAssigned))
                .on(TeamStatusChanged.TYPE, TeamStatusChanged.class, tell(notifications, rules::teamStatus))
                .on(UploadDueSoon.TYPE, UploadDueSoon.class, tell(notifications, rules::uploadDueSoon))
                .on(UploadOverdue.TYPE, UploadOverdue.class, tell(notifications, rules::uploadOverdue))
                .on(UploadReviewed.TYPE, UploadReviewed.class, tell(notifications, rules::uploadReviewed))
                .on(ComplaintFiled.TYPE, ComplaintFiled.class, tell(notifications, rules::complaintFiled))
                .on(AssessmentPublished.TYPE, AssessmentPublished.class, tell(notifications, rules::assessmentPublished))
                .on(GradeCorrected.TYPE, GradeCorrected.class, tell(notifications, rules::gradeCorrected))
                .on(FeeViolationFlagged.TYPE, FeeViolationFlagged.class, tell(notifications, rules::feeViolation))
                .build();
    }

    private static <P> EventHandlers.EventHandler<P> tell(NotificationService notifications,
            Function<P, List<NoticeDraft>> rule) {
        return (P payload, EventEnvelope envelope) -> notifications.deliver(envelope.eventId(), rule.apply(payload));
    }

    @Incoming("notify")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
