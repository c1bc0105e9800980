package cn.org.kczg.teams.activity.notification;

import cn.org.kczg.teams.activity.notification.NotificationDtos.Channel;
import cn.org.kczg.teams.activity.notification.NotificationDtos.KindPreference;
import cn.org.kczg.teams.activity.notification.NotificationDtos.NotificationView;
import cn.org.kczg.teams.activity.notification.NotificationDtos.Preferences;
import cn.org.kczg.teams.activity.notification.NotificationDtos.UpdatePreferences;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The notices: stored once per event, kind and audience (a redelivered event tells nobody twice), listed to whoever
 * holds the audience's claim, read per person, and queued for e-mail to those who chose it.
 */
@ApplicationScoped
@Transactional
public class NotificationService {
    /** Columns of a notice as the caller sees it; {@code :subject} marks what the caller has read. */
    private static final String VIEW = "select n.id, n.kind, n.title, n.body, n.link, r.read_at is not null, n.created_at "
            + "from notification n left join notification_read r on r.notification_id = n.id and r.subject = :subject ";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    SubscriberAddress address;

    /** Stores each draft once for this event, queues its e-mails; returns how many were new. */
    public int deliver(UUID eventId, List<NoticeDraft> drafts) {
        int created = 0;
        for (NoticeDraft d : drafts) {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery("""
                    insert into notification (kind, audience, title, body, link, event_id, created_at)
                    values (:kind, :audience, :title, :body, :link, :event, :at)
                    on conflict (event_id, kind, audience) do nothing returning id""")
                    .setParameter("kind", d.kind().wire).setParameter("audience", d.audience())
                    .setParameter("title", d.title()).setParameter("body", d.body()).setParameter("link", d.link())
                    .setParameter("event", eventId).setParameter("at", now).getResultList();
            if (!ids.isEmpty()) {
                created++;
                queueMails(((Number) ids.get(0)).longValue(), d, now);
            }
        }
        return created;
    }

    private void queueMails(long notificationId, NoticeDraft d, Instant now) {
        em.createNativeQuery("""
                insert into notification_mail (subject, notification_id, channel, created_at, next_attempt_at)
                select s.subject, :n, p.channel, :now, :now
                from notification_subscriber s join notification_preference p on p.subject = s.subject and p.kind = :kind
                where s.audiences @> cast(:audience as jsonb) and s.email is not null and p.channel in ('EMAIL', 'DIGEST')
                on conflict do nothing""")
                .setParameter("n", notificationId).setParameter("now", now).setParameter("kind", d.kind().wire)
                .setParameter("audience", jsonArray(List.of(d.audience()))).executeUpdate();
    }

    public Page<NotificationView> list(Caller caller, boolean unreadOnly, NoticeKind kind, PageRequest page) {
        List<String> audiences = Audience.of(caller);
        refreshAudiences(caller, audiences);
        String where = "where n.audience in (:audiences)" + (unreadOnly ? " and r.read_at is null" : "")
                + (kind == null ? "" : " and n.kind = :kind");
        Query count = em.createNativeQuery("select count(*) from notification n left join notification_read r "
                + "on r.notification_id = n.id and r.subject = :subject " + where);
        Query rows = em.createNativeQuery(VIEW + where + " order by (r.read_at is null) desc, n.id desc");
        for (Query q : List.of(count, rows)) {
            q.setParameter("subject", caller.subject()).setParameter("audiences", audiences);
            if (kind != null) {
                q.setParameter("kind", kind.wire);
            }
        }
        return Page.ofNative(rows, page, ((Number) count.getSingleResult()).longValue(), NotificationService::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(Caller caller) {
        return ((Number) em.createNativeQuery("""
                select count(*) from notification n where n.audience in (:audiences) and not exists
                (select 1 from notification_read r where r.notification_id = n.id and r.subject = :subject)""")
                .setParameter("audiences", Audience.of(caller)).setParameter("subject", caller.subject())
                .getSingleResult()).longValue();
    }

    /** Marks one of the caller's notices read (again is no error); another's notice does not exist: empty. */
    public Optional<NotificationView> read(Caller caller, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(VIEW + "where n.id = :id and n.audience in (:audiences)")
                .setParameter("subject", caller.subject()).setParameter("id", id)
                .setParameter("audiences", Audience.of(caller)).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        em.createNativeQuery("insert into notification_read (notification_id, subject, read_at) values (:id, :s, :at) "
                + "on conflict do nothing").setParameter("id", id).setParameter("s", caller.subject())
                .setParameter("at", clock.instant()).executeUpdate();
        NotificationView v = view(found.get(0));
        return Optional.of(new NotificationView(v.id(), v.kind(), v.title(), v.body(), v.link(), true, v.createdAt()));
    }

    public long readAll(Caller caller) {
        return em.createNativeQuery("""
                insert into notification_read (notification_id, subject, read_at)
                select n.id, :subject, :at from notification n where n.audience in (:audiences)
                on conflict do nothing""")
                .setParameter("subject", caller.subject()).setParameter("at", clock.instant())
                .setParameter("audiences", Audience.of(caller)).executeUpdate();
    }

    public Preferences preferences(Caller caller) {
        refreshAudiences(caller, Audience.of(caller));
        List<?> emails = em.createNativeQuery("select email from notification_subscriber where subject = :s")
                .setParameter("s", caller.subject()).getResultList();
        String email = emails.isEmpty() ? null : address.open((String) emails.get(0));
        Map<String, Channel> chosen = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, channel from notification_preference where subject = :s")
                .setParameter("s", caller.subject()).getResultList();
        rows.forEach(r -> chosen.put((String) r[0], Channel.valueOf((String) r[1])));
        return new Preferences(email, Arrays.stream(NoticeKind.values())
                .map(k -> new KindPreference(k.wire, k.label, chosen.getOrDefault(k.wire, Channel.IN_APP))).toList());
    }

    public Preferences updatePreferences(Caller caller, UpdatePreferences update) {
        Map<String, Channel> channels = update.channels() == null ? Map.of() : update.channels();
        channels.forEach((kind, channel) -> {
            if (NoticeKind.ofWire(kind).isEmpty()) {
                throw ProblemException.invalid("channels", Text.of("notification.unknown-kind", kind));
            }
            if (channel == null) {
                throw ProblemException.invalid("channels", Text.of("notification.channel-missing", kind));
            }
        });
        String email = update.email() == null || update.email().isBlank() ? null : update.email().strip();
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into notification_subscriber (subject, email, email_hash, audiences, updated_at)
                values (:s, :email, :hash, cast(:audiences as jsonb), :at)
                on conflict (subject) do update set email = coalesce(excluded.email, notification_subscriber.email),
                    email_hash = coalesce(excluded.email_hash, notification_subscriber.email_hash),
                    audiences = excluded.audiences, updated_at = excluded.updated_at""")
                .setParameter("s", caller.subject()).setParameter("email", email == null ? null : address.seal(email))
                .setParameter("hash", email == null ? null : address.hash(email))
                .setParameter("audiences", jsonArray(Audience.of(caller))).setParameter("at", now).executeUpdate();
        channels.forEach((kind, channel) -> em.createNativeQuery("""
                insert into notification_preference (subject, kind, channel) values (:s, :k, :c)
                on conflict (subject, kind) do update set channel = excluded.channel""")
                .setParameter("s", caller.subject()).setParameter("k", kind).setParameter("c", channel.name())
                .executeUpdate());
        Preferences result = preferences(caller);
        boolean mails = result.kinds().stream().anyMatch(k -> k.channel() != Channel.IN_APP);
        if (mails && result.email() == null) {
            throw ProblemException.invalid("email", Text.of("notification.email-required"));
        }
        return result;
    }

    /**
     * E-mails follow the audiences the person's token named when they last came: a handler taken off a team stops
     * getting its mail the next time they sign in.
     */
    private void refreshAudiences(Caller caller, List<String> audiences) {
        em.createNativeQuery("update notification_subscriber set audiences = cast(:a as jsonb), updated_at = :at "
                        + "where subject = :s and audiences <> cast(:a as jsonb)")
                .setParameter("a", jsonArray(audiences)).setParameter("at", clock.instant())
                .setParameter("s", caller.subject()).executeUpdate();
    }

    static NotificationView view(Object[] r) {
        return new NotificationView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (Boolean) r[5], instant(r[6]));
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private String jsonArray(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
