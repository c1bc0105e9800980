package cn.org.kczg.teams.activity.notification;

import cn.org.kczg.teams.platform.privacy.LogSafe;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the queued e-mails: EMAIL rows as they come, DIGEST rows once a day in one mail per person. A failed send
 * stays queued and is tried again with growing pauses (up to an hour), for {@value #MAX_ATTEMPTS} attempts. Rows are
 * taken with {@code for update skip locked}, so two instances never send the same mail. A relay that accepts the
 * connection and then says nothing fails the send after {@code kczg.notifications.mail.send-timeout}: waiting for it
 * without end would hold the job (which never runs twice at once) and its rows' locks, and no mail would go out.
 * The address is the subscriber's, opened as the mail goes out ({@link SubscriberAddress}).
 */
@ApplicationScoped
public class NotificationMailer {
    private static final Logger LOG = Logger.getLogger(NotificationMailer.class);
    static final int MAX_ATTEMPTS = 72;
    private static final int BATCH = 50;
    private static final String SUBJECT_PREFIX = "【科创中国】";
    private static final String FOOTER = "\n\n——\n此邮件由科创中国服务团平台自动发送，请勿直接回复。在平台的“通知设置”中可更改接收方式。";

    @Inject
    ReactiveMailer mailer;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    SubscriberAddress address;
    @ConfigProperty(name = "kczg.notifications.frontend-url", defaultValue = "https://kczg.org.cn")
    String frontend;
    @ConfigProperty(name = "kczg.notifications.mail.send-timeout", defaultValue = "30s")
    Duration sendTimeout;

    @Scheduled(every = "${kczg.notifications.mail.send-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        while (sendBatch() == BATCH) {
            // a full batch: there may be more
        }
    }

    @Scheduled(cron = "${kczg.notifications.digest-cron:0 0 8 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void digestDue() {
        sendDigests();
    }

    /** Sends up to one batch of due EMAIL rows; returns how many were taken. */
    @Transactional
    int sendBatch() {
        List<Queued> due = take("EMAIL");
        for (Queued q : due) {
            send(List.of(q), q.email(), SUBJECT_PREFIX + q.title(), q.body() + "\n\n查看详情：" + frontend + q.link() + FOOTER);
        }
        return due.size();
    }

    /** One mail per person with every DIGEST row queued for them; returns how many mails went out. */
    @Transactional
    public int sendDigests() {
        Map<String, List<Queued>> byPerson = new LinkedHashMap<>();
        for (Queued q : take("DIGEST")) {
            byPerson.computeIfAbsent(q.subject() + "\n" + q.email(), k -> new ArrayList<>()).add(q);
        }
        int sent = 0;
        for (List<Queued> rows : byPerson.values()) {
            StringBuilder text = new StringBuilder("您有 " + rows.size() + " 条新通知：\n");
            for (Queued q : rows) {
                text.append("\n· ").append(q.title()).append("\n  ").append(q.body()).append("\n  ").append(frontend)
                        .append(q.link()).append('\n');
            }
            if (send(rows, rows.get(0).email(), SUBJECT_PREFIX + "每日通知摘要（" + rows.size() + " 条）",
                    text + FOOTER)) {
                sent++;
            }
        }
        return sent;
    }

    private record Queued(long id, String subject, String email, String title, String body, String link, int attempts) {
    }

    private List<Queued> take(String channel) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.id, m.subject, s.email, n.title, n.body, n.link, m.attempts
                from notification_mail m join notification n on n.id = m.notification_id
                     join notification_subscriber s on s.subject = m.subject and s.email is not null
                where m.sent_at is null and m.channel = :channel and m.next_attempt_at <= :now
                order by m.id limit :limit for update of m skip locked""")
                .setParameter("channel", channel).setParameter("now", clock.instant()).setParameter("limit", BATCH)
                .getResultList();
        return rows.stream().map(r -> new Queued(((Number) r[0]).longValue(), (String) r[1],
                address.open((String) r[2]), (String) r[3], (String) r[4], (String) r[5],
                ((Number) r[6]).intValue())).toList();
    }

    private boolean send(List<Queued> rows, String to, String subject, String text) {
        Instant now = clock.instant();
        try {
            mailer.send(Mail.withText(to, subject, text)).await().atMost(sendTimeout);
            rows.forEach(q -> em.createNativeQuery("update notification_mail set sent_at = :at, attempts = attempts + 1 "
                    + "where id = :id").setParameter("at", now).setParameter("id", q.id()).executeUpdate());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("E-mail to subscriber %s not sent (attempt %d): %s", rows.get(0).subject(),
                    rows.get(0).attempts() + 1, LogSafe.describe(e));
            String error = String.valueOf(e.getMessage());
            for (Queued q : rows) {
                int attempts = q.attempts() + 1;
                Instant next = attempts >= MAX_ATTEMPTS ? Instant.parse("9999-12-31T00:00:00Z")
                        : now.plus(retryAfter(attempts));
                em.createNativeQuery("update notification_mail set attempts = :n, next_attempt_at = :next, "
                                + "last_error = :error where id = :id")
                        .setParameter("n", attempts).setParameter("next", next)
                        .setParameter("error", error.substring(0, Math.min(500, error.length())))
                        .setParameter("id", q.id()).executeUpdate();
            }
            return false;
        }
    }

    /** 30 s, 1 min, 2 min … up to an hour. */
    static Duration retryAfter(int attempts) {
        return Duration.ofSeconds(Math.min(3_600L, 30L << Math.min(attempts - 1, 7)));
    }
}
