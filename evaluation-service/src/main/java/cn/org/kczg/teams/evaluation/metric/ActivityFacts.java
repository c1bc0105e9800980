package cn.org.kczg.teams.evaluation.metric;

import static cn.org.kczg.teams.evaluation.metric.MetricCatalogue.*;

import cn.org.kczg.teams.events.EventEnvelope;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import jakarta.transaction.Transactional;

/**
 * Turns {@code activity.events} into what metrics are made of: one {@code activity_record} per reported
 * activity and {@code metric_fact}s for the rest. Every insert names the event that caused it (the drill-down
 * auditors read) and is "once per subject", so an event that arrives twice, or a second event about the same
 * ticket, cannot count twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ActivityFacts {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Set<String> FIRST_RESPONSE_TYPES = Set.of(TicketChanged.ACCEPTED, TicketChanged.DECLINED,
            TicketChanged.INFO_REQUESTED);

    @Inject
    EntityManager em;

    public void onActivityReported(ActivityReported e, EventEnvelope envelope) {
        em.createNativeQuery("""
                insert into activity_record (activity_id, event_id, team_id, year, category, form, title, start_date,
                    city, place_kind, participants, enterprises_served, agreements_signed, technologies_transferred,
                    standards_drafted, talents_trained, reported_at)
                values (:id, :event, :team, :year, :category, :form, :title, :start, :city, :place, :participants,
                    :enterprises, :agreements, :technologies, :standards, :talents, :at)
                on conflict (activity_id) do nothing""")
                .setParameter("id", e.activityId()).setParameter("event", envelope.eventId())
                .setParameter("team", e.teamId()).setParameter("year", e.year())
                .setParameter("category", e.category()).setParameter("form", e.form())
                .setParameter("title", e.title()).setParameter("start", e.startDate())
                .setParameter("city", e.city()).setParameter("place", e.placeKind())
                .setParameter("participants", e.participants()).setParameter("enterprises", e.enterprisesServed())
                .setParameter("agreements", e.agreementsSigned())
                .setParameter("technologies", e.technologiesTransferred())
                .setParameter("standards", e.standardsDrafted()).setParameter("talents", e.talentsTrained())
                .setParameter("at", envelope.occurredAt()).executeUpdate();
    }

    /**
     * A corrected report replaces the record's figures (its year too); a correction arriving before the report (or
     * after a withdrawal) changes nothing, and a repeated one writes the same values again.
     */
    public void onActivityCorrected(ActivityCorrected e, EventEnvelope envelope) {
        em.createNativeQuery("""
                update activity_record set event_id = :event, event_type = :type, year = :year, category = :category, form = :form,
                    title = :title, start_date = :start, city = :city, place_kind = :place,
                    participants = :participants, enterprises_served = :enterprises, agreements_signed = :agreements,
                    technologies_transferred = :technologies, standards_drafted = :standards,
                    talents_trained = :talents
                where activity_id = :id""")
                .setParameter("id", e.activityId()).setParameter("event", envelope.eventId())
                .setParameter("type", envelope.type())
                .setParameter("year", e.year()).setParameter("category", e.category()).setParameter("form", e.form())
                .setParameter("title", e.title()).setParameter("start", e.startDate())
                .setParameter("city", e.city()).setParameter("place", e.placeKind())
                .setParameter("participants", e.participants()).setParameter("enterprises", e.enterprisesServed())
                .setParameter("agreements", e.agreementsSigned())
                .setParameter("technologies", e.technologiesTransferred())
                .setParameter("standards", e.standardsDrafted()).setParameter("talents", e.talentsTrained())
                .executeUpdate();
    }

    /** A withdrawn report counts for nothing: its record goes (a second withdrawal finds nothing to remove). */
    public void onActivityWithdrawn(ActivityWithdrawn e, EventEnvelope envelope) {
        em.createNativeQuery("delete from activity_record where activity_id = :id")
                .setParameter("id", e.activityId()).executeUpdate();
    }

    /** First response and resolution are judged against the due times the ticket carried at that moment. */
    public void onTicketChanged(TicketChanged e, EventEnvelope envelope) {
        if (e.teamId() == null) {
            return;
        }
        Instant at = e.at() != null ? e.at() : envelope.occurredAt();
        int year = at.atZone(BEIJING).getYear();
        String ticket = e.ticketId().toString();
        if (FIRST_RESPONSE_TYPES.contains(e.type())) {
            if (fact(envelope, e.teamId(), year, FIRST_RESPONSES, ticket, BigDecimal.ONE)
                    && e.firstResponseDue() != null && !at.isAfter(e.firstResponseDue())) {
                fact(envelope, e.teamId(), year, FIRST_RESPONSES_ON_TIME, ticket, BigDecimal.ONE);
            }
        } else if (TicketChanged.ANSWERED.equals(e.type())) {
            fact(envelope, e.teamId(), year, TICKETS_ANSWERED, ticket, BigDecimal.ONE);
        } else if (TicketChanged.RESOLVED.equals(e.type())) {
            fact(envelope, e.teamId(), year, TICKETS_RESOLVED, ticket, BigDecimal.ONE);
            if (fact(envelope, e.teamId(), year, RESOLUTIONS, ticket, BigDecimal.ONE)
                    && e.resolutionDue() != null && !at.isAfter(e.resolutionDue())) {
                fact(envelope, e.teamId(), year, RESOLUTIONS_ON_TIME, ticket, BigDecimal.ONE);
            }
        } else if (TicketChanged.OVERDUE.equals(e.type())) {
            fact(envelope, e.teamId(), year, "FIRST_RESPONSE".equals(e.overdue()) ? FIRST_RESPONSES : RESOLUTIONS,
                    ticket, BigDecimal.ONE);
        }
    }

    /** A rating counts its score against the best score, once per ticket: their ratio is the satisfaction rate. */
    public void onTicketRated(TicketRated e, EventEnvelope envelope) {
        if (e.teamId() == null) {
            return;
        }
        int year = (e.at() != null ? e.at() : envelope.occurredAt()).atZone(BEIJING).getYear();
        String ticket = e.ticketId().toString();
        if (fact(envelope, e.teamId(), year, RATING_POINTS, ticket, BigDecimal.valueOf(e.score()))) {
            fact(envelope, e.teamId(), year, RATING_MAX, ticket, BigDecimal.valueOf(TicketRated.MAX_SCORE));
        }
    }

    public void onUploadReceived(UploadReceived e, EventEnvelope envelope) {
        String subject = e.kind() + ":" + e.period();
        int year = periodYear(e.period(), envelope);
        if (fact(envelope, e.teamId(), year, UPLOADS_DUE, subject, BigDecimal.ONE)) {
            fact(envelope, e.teamId(), year, e.onTime() ? UPLOADS_ON_TIME : UPLOADS_LATE, subject, BigDecimal.ONE);
        }
    }

    public void onUploadOverdue(UploadOverdue e, EventEnvelope envelope) {
        fact(envelope, e.teamId(), periodYear(e.period(), envelope), UPLOADS_DUE, e.kind() + ":" + e.period(),
                BigDecimal.ONE);
    }

    public void onLibraryEntryChanged(LibraryEntryChanged e, EventEnvelope envelope) {
        if (LibraryEntryChanged.PUBLISHED.equals(e.type())) {
            Instant at = e.at() != null ? e.at() : envelope.occurredAt();
            fact(envelope, e.teamId(), at.atZone(BEIJING).getYear(), LIBRARY_PUBLISHED, e.entryId().toString(),
                    BigDecimal.ONE);
        }
    }

    public void onParticipationChanged(ParticipationChanged e, EventEnvelope envelope) {
        if (ParticipationChanged.CONFIRMED.equals(e.type())) {
            fact(envelope, e.teamId(), e.year(), VOLUNTEER_HOURS, e.participationId().toString(), e.hours());
        }
    }

    /** A revoked certificate takes back what its issue added. */
    public void onCertificateChanged(CertificateChanged e, EventEnvelope envelope) {
        String id = e.certificateId().toString();
        if (CertificateChanged.ISSUED.equals(e.type())) {
            fact(envelope, e.teamId(), e.year(), CERTIFICATES_ISSUED, id, BigDecimal.ONE);
        } else if (CertificateChanged.REVOKED.equals(e.type())) {
            fact(envelope, e.teamId(), e.year(), CERTIFICATES_ISSUED, id + ":revoked", BigDecimal.ONE.negate());
        }
    }

    public void onComplaintDecided(ComplaintDecided e, EventEnvelope envelope) {
        if (ComplaintDecided.UPHELD.equals(e.type())) {
            fact(envelope, e.teamId(), e.year(), COMPLAINTS_UPHELD, e.complaintId().toString(), BigDecimal.ONE);
        }
    }

    public void onFeeViolationDecided(FeeViolationDecided e, EventEnvelope envelope) {
        if ("UPHELD".equals(e.outcome())) {
            fact(envelope, e.teamId(), e.year(), FEE_VIOLATIONS_UPHELD, e.violationId().toString(), BigDecimal.ONE);
        }
    }

    /** True when the fact is new; false when this subject already counted for the metric. */
    private boolean fact(EventEnvelope envelope, UUID teamId, int year, String metric, String subject,
            BigDecimal amount) {
        return em.createNativeQuery("""
                insert into metric_fact (event_id, event_type, team_id, year, metric, subject, amount, occurred_at)
                values (:event, :type, :team, :year, :metric, :subject, :amount, :at)
                on conflict (team_id, year, metric, subject) do nothing""")
                .setParameter("event", envelope.eventId()).setParameter("type", envelope.type())
                .setParameter("team", teamId).setParameter("year", year).setParameter("metric", metric)
                .setParameter("subject", subject).setParameter("amount", amount)
                .setParameter("at", envelope.occurredAt()).executeUpdate() == 1;
    }

    /** Periods are named {@code 2026-Q3}, {@code 2026-H1} or {@code 2026}: material counts in its period's year. */
    private static int periodYear(String period, EventEnvelope envelope) {
        try {
            return Integer.parseInt(period.substring(0, 4));
        } catch (RuntimeException e) {
            return envelope.occurredAt().atZone(BEIJING).getYear();
        }
    }
}
