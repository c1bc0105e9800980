package cn.org.kczg.teams.review.privacy;

import cn.org.kczg.teams.kit.privacy.AuditRetention;
import cn.org.kczg.teams.kit.privacy.RecordRetention;
import cn.org.kczg.teams.kit.privacy.RecordTable;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Enforces RECORD and AUDIT of docs/personal-data.md in review-service: ten years after the year a case, a ban or a
 * quota concerns, the reviewers' and operators' login ids on it become {@value RecordRetention#EXPIRED} (scores,
 * comments and decisions stay); entries of the audit trail and the access records go after five years.
 */
@ApplicationScoped
public class RetentionPurge {
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    private static final String REVIEWERS = "(select coalesce(jsonb_agg(e || jsonb_build_object('reviewer', '"
            + RecordRetention.EXPIRED + "')), cast('[]' as jsonb)) from jsonb_array_elements(panel->'%1$s') e)";
    /** The panel's chair and every member's and recusal's reviewer. */
    private static final String PANEL = "panel = case when jsonb_typeof(panel) <> 'object' then panel else panel"
            + " || jsonb_build_object('chair', case when panel->>'chair' is null then null else '"
            + RecordRetention.EXPIRED + "' end)"
            + " || case when jsonb_typeof(panel->'members') = 'array' then jsonb_build_object('members', "
            + REVIEWERS.formatted("members") + ") else cast('{}' as jsonb) end"
            + " || case when jsonb_typeof(panel->'recused') = 'array' then jsonb_build_object('recused', "
            + REVIEWERS.formatted("recused") + ") else cast('{}' as jsonb) end end";
    private static final String PANEL_HELD = "jsonb_typeof(panel) = 'object' and (coalesce(panel->>'chair' <> '"
            + RecordRetention.EXPIRED + "', false) or exists (select 1 from jsonb_array_elements(case when "
            + "jsonb_typeof(panel->'members') = 'array' then panel->'members' else cast('[]' as jsonb) end || case "
            + "when jsonb_typeof(panel->'recused') = 'array' then panel->'recused' else cast('[]' as jsonb) end) e "
            + "where coalesce(e->>'reviewer' <> '" + RecordRetention.EXPIRED + "', false)))";

    /** RECORD here, with the year each row concerns: a case its application's year, a ban the year it ended. */
    static final List<RecordTable> RECORDS = List.of(
            new RecordTable("ReviewCase", "review_case", "id", "year", List.of("claimed_by"), List.of(), PANEL,
                    PANEL_HELD, "version"),
            RecordTable.of("Ban", "ban", "cast(extract(year from least(until, cast(lifted_at at time zone "
                    + "'Asia/Shanghai' as date))) as integer)", null, "created_by", "lifted_by"),
            RecordTable.of("AnnualQuota", "annual_quota", "year", null, "set_by"));

    @Inject
    RetentionConfig config;
    @Inject
    Clock clock;
    @Inject
    RecordRetention records;
    @Inject
    AuditRetention audits;

    @Scheduled(every = "${kczg.retention.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "30s")
    void scheduled() {
        Map<String, Integer> purged = purge();
        if (purged.values().stream().anyMatch(n -> n > 0)) {
            LOG.infof("Retention purge anonymised or deleted %s", purged);
        }
    }

    /** Runs RECORD and AUDIT until nothing more has expired; rows per class and entity. */
    public Map<String, Integer> purge() {
        Instant now = clock.instant();
        Map<String, Integer> purged = new LinkedHashMap<>();
        records.purge(RECORDS, now, config.record(), config.batch())
                .forEach((entity, n) -> purged.put("RECORD " + entity, n));
        audits.purge(now, config.audit(), config.batch()).forEach((entity, n) -> purged.put("AUDIT " + entity, n));
        return purged;
    }
}
