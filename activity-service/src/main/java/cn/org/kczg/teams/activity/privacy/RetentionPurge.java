package cn.org.kczg.teams.activity.privacy;

import cn.org.kczg.teams.activity.complaint.ComplaintConfig;
import cn.org.kczg.teams.kit.privacy.AuditRetention;
import cn.org.kczg.teams.kit.privacy.Erasures;
import cn.org.kczg.teams.kit.privacy.RecordRetention;
import cn.org.kczg.teams.kit.privacy.RecordTable;
import cn.org.kczg.teams.kit.privacy.RetentionPeriod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Enforces the retention classes of docs/personal-data.md in activity-service (RECORD and AUDIT through the kit's
 * {@link RecordRetention} and {@link AuditRetention}): once a row's class has run out, its
 * names become {@value Erasures#ERASED_NAME}, contacts go and login ids become {@value #EXPIRED}; the facts (the
 * complaint, the ticket, the hours) stay. Each batch is a transaction that claims its rows with
 * {@code for update skip locked}, so instances share the work and never wait for each other or for users.
 */
@ApplicationScoped
public class RetentionPurge {
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    /** What a login id becomes when its retention ends (no erasure request, so no pseudonym to keep it apart). */
    public static final String EXPIRED = "erased";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Inject
    RetentionConfig config;
    @Inject
    ComplaintConfig complaints;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    RecordRetention records;
    @Inject
    AuditRetention audits;

    /**
     * RECORD here, with the year each row concerns: a report's and a fee violation's activity year, an upload's period,
     * a webhook's registration.
     */
    static final List<RecordTable> RECORDS = List.of(
            RecordTable.of("ActivityReport", "activity_report", "year", "version", "reported_by", "withdrawn_by"),
            RecordTable.of("FeeViolation", "fee_violation", "year", "version", "decided_by"),
            RecordTable.of("Upload", "upload", "cast(substring(period from 1 for 4) as integer)", "version",
                    "uploaded_by", "reviewed_by"),
            RecordTable.of("Webhook", "webhook", RecordTable.yearOf("created_at"), null, "created_by"));

    private record Rule(String name, String sql, Map<String, Object> params) {
    }

    @Scheduled(every = "${kczg.retention.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "30s")
    void scheduled() {
        Map<String, Integer> purged = purge();
        if (purged.values().stream().anyMatch(n -> n > 0)) {
            LOG.infof("Retention purge anonymised %s", purged);
        }
    }

    /** Runs every rule until it finds nothing more, then RECORD and AUDIT; rows anonymised or deleted per rule. */
    public Map<String, Integer> purge() {
        Instant now = clock.instant();
        Map<String, Integer> purged = new LinkedHashMap<>();
        for (Rule rule : rules(now)) {
            int total = 0;
            for (int n = batch(rule); n > 0; n = batch(rule)) {
                total += n;
            }
            purged.put(rule.name(), total);
        }
        records.purge(RECORDS, now, config.record(), config.batch())
                .forEach((entity, n) -> purged.put("RECORD " + entity, n));
        audits.purge(now, config.audit(), config.batch()).forEach((entity, n) -> purged.put("AUDIT " + entity, n));
        return purged;
    }

    private int batch(Rule rule) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(rule.sql());
            rule.params().forEach(query::setParameter);
            query.setParameter("batch", config.batch());
            return query.executeUpdate();
        });
    }

    private List<Rule> rules(Instant now) {
        Instant complaintCutoff = RetentionPeriod.parse(config.complaint()).cutoff(now);
        Instant ticketCutoff = RetentionPeriod.parse(config.ticket()).cutoff(now);
        Instant volunteerCutoff = RetentionPeriod.parse(config.volunteer()).cutoff(now);
        Instant addressCutoff = now.minus(complaints.window());
        int firstKeptYear = volunteerCutoff.atZone(BEIJING).getYear();
        return List.of(
                new Rule("COMPLAINT", """
                        update complaint set contact = null, responded_by = case when responded_by is null then null
                               else '%1$s' end, decided_by = '%1$s', personal_data_purged_at = :now, version = version + 1
                         where id in (select id from complaint
                                       where status in ('UPHELD', 'DISMISSED') and decided_at < :cutoff
                                         and personal_data_purged_at is null
                                       order by decided_at limit :batch for update skip locked)""".formatted(EXPIRED),
                        Map.of("now", now, "cutoff", complaintCutoff)),
                new Rule("ADDRESS", """
                        update complaint set client_hash = '%s'
                         where id in (select id from complaint where client_hash <> '%1$s' and filed_at < :cutoff
                                       order by filed_at limit :batch for update skip locked)""".formatted(EXPIRED),
                        Map.of("cutoff", addressCutoff)),
                new Rule("TICKET", """
                        with expired as (select id from ticket
                                          where status in ('RESOLVED', 'CLOSED', 'WITHDRAWN') and updated_at < :cutoff
                                            and personal_data_purged_at is null
                                          order by updated_at limit :batch for update skip locked),
                             messages as (update ticket_message set author = '%1$s'
                                           where ticket_id in (select id from expired)),
                             history as (update ticket_history set actor = '%1$s'
                                          where actor is not null and ticket_id in (select id from expired)),
                             answers as (update ticket_answer set actor = '%1$s'
                                          where actor is not null and ticket_id in (select id from expired)),
                             attachments as (update ticket_attachment set uploaded_by = '%1$s'
                                              where ticket_id in (select id from expired))
                        update ticket set contact = null, personal_data_purged_at = :now, version = version + 1
                         where id in (select id from expired)""".formatted(EXPIRED),
                        Map.of("now", now, "cutoff", ticketCutoff)),
                new Rule("VOLUNTEER", """
                        update participation set volunteer = '%1$s', volunteer_name = '%2$s',
                               decided_by = case when decided_by is null then null else '%1$s' end,
                               personal_data_purged_at = :now, version = version + 1
                         where id in (select id from participation where year < :year and personal_data_purged_at is null
                                       order by year limit :batch for update skip locked)"""
                        .formatted(EXPIRED, Erasures.ERASED_NAME),
                        Map.of("now", now, "year", firstKeptYear)),
                new Rule("VOLUNTEER (revoked certificates)", """
                        update certificate set holder = '%1$s', holder_name = '%2$s',
                               nominated_by = case when nominated_by is null then null else '%1$s' end,
                               decided_by = case when decided_by is null then null else '%1$s' end,
                               personal_data_purged_at = :now, version = version + 1
                         where id in (select id from certificate where revoked_at < :cutoff
                                         and personal_data_purged_at is null
                                       order by revoked_at limit :batch for update skip locked)"""
                        .formatted(EXPIRED, Erasures.ERASED_NAME),
                        Map.of("now", now, "cutoff", volunteerCutoff)));
    }
}
