package cn.org.kczg.teams.events;

import cn.org.kczg.teams.events.activity.ActivityCorrected;
import cn.org.kczg.teams.events.activity.ActivityReported;
import cn.org.kczg.teams.events.activity.ActivityWithdrawn;
import cn.org.kczg.teams.events.activity.CertificateChanged;
import cn.org.kczg.teams.events.activity.ComplaintDecided;
import cn.org.kczg.teams.events.activity.ComplaintFiled;
import cn.org.kczg.teams.events.activity.ComplaintResponded;
import cn.org.kczg.teams.events.activity.FeeViolationDecided;
import cn.org.kczg.teams.events.activity.FeeViolationFlagged;
import cn.org.kczg.teams.events.activity.LibraryEntryChanged;
import cn.org.kczg.teams.events.activity.ParticipationChanged;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.activity.TicketMessagePosted;
import cn.org.kczg.teams.events.activity.TicketRated;
import cn.org.kczg.teams.events.activity.UploadDueSoon;
import cn.org.kczg.teams.events.activity.UploadOverdue;
import cn.org.kczg.teams.events.activity.UploadReceived;
import cn.org.kczg.teams.events.activity.UploadReviewed;
import cn.org.kczg.teams.events.evaluation.AssessmentPublished;
import cn.org.kczg.teams.events.evaluation.GradeCorrected;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.events.evaluation.TeamDisqualificationReversed;
import cn.org.kczg.teams.events.evaluation.TeamDisqualified;
import cn.org.kczg.teams.events.evaluation.TeamStableSupport;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.events.registration.ApplicationSubmitted;
import cn.org.kczg.teams.events.registration.ApplicationWithdrawn;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.LeadUnitUpdated;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.events.registration.TeamMembersChanged;
import cn.org.kczg.teams.events.registration.TeamPartnersChanged;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.events.review.ReviewCaseAssigned;
import cn.org.kczg.teams.events.review.ReviewDecided;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every event type of the contract and the payload record it is read as. A consumer skips the known types it
 * does not handle; a type missing here is no event of this platform (a producer's bug, or a newer producer than
 * this consumer), so it is a dead letter, to be replayed once the consumer knows it.
 */
public final class EventTypes {
    private static final Pattern WIRE_TYPE = Pattern.compile("[a-z-]+\\.[a-z-]+");
    private static final Map<String, Class<? extends EventPayload>> BY_TYPE = catalogue(
            ActivityReported.class, ActivityCorrected.class, ActivityWithdrawn.class, CertificateChanged.class, ComplaintDecided.class, ComplaintFiled.class,
            ComplaintResponded.class, FeeViolationDecided.class, FeeViolationFlagged.class, LibraryEntryChanged.class,
            ParticipationChanged.class, TicketChanged.class, TicketMessagePosted.class, TicketRated.class,
            UploadDueSoon.class, UploadOverdue.class, UploadReceived.class, UploadReviewed.class,
            AssessmentPublished.class, LeadUnitBanned.class, TeamDisqualified.class, TeamStableSupport.class,
            GradeCorrected.class, TeamDisqualificationReversed.class, LeadUnitBanLifted.class,
            ApplicationSubmitted.class, ApplicationWithdrawn.class, LeadUnitRegistered.class, LeadUnitUpdated.class,
            TeamActivated.class, TeamHandlerChanged.class, TeamMembersChanged.class, TeamPartnersChanged.class,
            TeamStatusChanged.class, ReviewCaseAssigned.class, ReviewDecided.class,
            ErasureRequested.class, PersonalDataErased.class);

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return BY_TYPE.containsKey(type);
    }

    public static Optional<Class<? extends EventPayload>> payloadOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** All wire types, sorted. */
    public static Set<String> all() {
        return BY_TYPE.keySet();
    }

    /** The wire types a payload record declares: its {@code public static final String} constants like {@code a.b}. */
    @SafeVarargs
    private static Map<String, Class<? extends EventPayload>> catalogue(Class<? extends EventPayload>... payloads) {
        Map<String, Class<? extends EventPayload>> byType = new TreeMap<>();
        for (Class<? extends EventPayload> payload : payloads) {
            for (Field field : payload.getDeclaredFields()) {
                int m = field.getModifiers();
                if (Modifier.isStatic(m) && Modifier.isFinal(m) && Modifier.isPublic(m) && field.getType() == String.class) {
                    try {
                        String value = (String) field.get(null);
                        if (WIRE_TYPE.matcher(value).matches()) {
                            byType.put(value, payload);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableMap(byType);
    }
}
