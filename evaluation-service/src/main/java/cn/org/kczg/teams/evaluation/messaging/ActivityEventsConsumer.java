package cn.org.kczg.teams.evaluation.messaging;

import cn.org.kczg.teams.evaluation.metric.ActivityFacts;
import cn.org.kczg.teams.events.activity.ActivityCorrected;
import cn.org.kczg.teams.events.activity.ActivityReported;
import cn.org.kczg.teams.events.activity.ActivityWithdrawn;
import cn.org.kczg.teams.events.activity.CertificateChanged;
import cn.org.kczg.teams.events.activity.ComplaintDecided;
import cn.org.kczg.teams.events.activity.FeeViolationDecided;
import cn.org.kczg.teams.events.activity.LibraryEntryChanged;
import cn.org.kczg.teams.events.activity.ParticipationChanged;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.activity.TicketRated;
import cn.org.kczg.teams.events.activity.UploadOverdue;
import cn.org.kczg.teams.events.activity.UploadReceived;
import cn.org.kczg.teams.kit.inbox.EventHandlers;
import cn.org.kczg.teams.kit.inbox.EventInbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code activity.events} → the facts each team's yearly metrics are computed from. */
@ApplicationScoped
public class ActivityEventsConsumer {
    static final String CONSUMER = "evaluation-service.activity-events";

    private final EventInbox inbox;
    private final EventHandlers handlers;

    @Inject
    ActivityEventsConsumer(EventInbox inbox, ActivityFacts facts) {
        this.inbox = inbox;
        EventHandlers.Builder builder = EventHandlers.builder()
                .on(ActivityReported.TYPE, ActivityReported.class, facts::onActivityReported)
                .on(ActivityCorrected.TYPE, ActivityCorrected.class, facts::onActivityCorrected)
                .on(ActivityWithdrawn.TYPE, ActivityWithdrawn.class, facts::onActivityWithdrawn)
                .on(UploadReceived.TYPE, UploadReceived.class, facts::onUploadReceived)
                .on(UploadOverdue.TYPE, UploadOverdue.class, facts::onUploadOverdue)
                .on(ParticipationChanged.CONFIRMED, ParticipationChanged.class, facts::onParticipationChanged)
                .on(ComplaintDecided.UPHELD, ComplaintDecided.class, facts::onComplaintDecided)
                .on(FeeViolationDecided.TYPE, FeeViolationDecided.class, facts::onFeeViolationDecided)
                .on(LibraryEntryChanged.PUBLISHED, LibraryEntryChanged.class, facts::onLibraryEntryChanged)
                .on(CertificateChanged.ISSUED, CertificateChanged.class, facts::onCertificateChanged)
                .on(CertificateChanged.REVOKED, CertificateChanged.class, facts::onCertificateChanged)
                .on(TicketRated.TYPE, TicketRated.class, facts::onTicketRated);
        for (String type : new String[] {TicketChanged.ACCEPTED, TicketChanged.DECLINED, TicketChanged.INFO_REQUESTED,
                TicketChanged.ANSWERED, TicketChanged.RESOLVED, TicketChanged.OVERDUE}) {
            builder.on(type, TicketChanged.class, facts::onTicketChanged);
        }
        this.handlers = builder.build();
    }

    @Incoming("activity-events")
    @Blocking
    public void onMessage(String message) {
        inbox.consume(message, CONSUMER, handlers);
    }
}
