package cn.org.kczg.teams.evaluation.privacy;

import cn.org.kczg.teams.kit.privacy.AuditRetention;
import cn.org.kczg.teams.kit.privacy.Erasures;
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
 * Enforces RECORD and AUDIT of docs/personal-data.md in evaluation-service: ten years after the year an appeal, a
 * result, an assessment, a sanction, an indicator system, a demonstration project, a guidance session or an incentive
 * concerns, the login ids on it become {@value RecordRetention#EXPIRED} and the name of who gave guidance
 * {@value Erasures#ERASED_NAME} (grades, scores and decisions stay); entries of the audit trail and the access records
 * go after five years.
 */
@ApplicationScoped
public class RetentionPurge {
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    /** RECORD here, with the year each row concerns: the assessment year, a sanction the year it ends. */
    static final List<RecordTable> RECORDS = List.of(
            RecordTable.of("Appeal", "appeal", "year", "row_version", "filed_by", "decided_by"),
            RecordTable.of("TeamResult", "team_result",
                    "(select r.year from assessment_run r where r.id = team_result.run_id)", "row_version",
                    "adjusted_by"),
            new RecordTable("Assessment", "assessment", "year", "year", List.of("published_by"), List.of(), null,
                    null, "row_version"),
            RecordTable.of("AssessmentRun", "assessment_run", "year", null, "started_by"),
            RecordTable.of("Sanction", "sanction", "cast(extract(year from until) as integer)", null, "decided_by"),
            RecordTable.of("IndicatorSystem", "indicator_system", "year", "row_version", "created_by",
                    "published_by"),
            RecordTable.of("DemonstrationProject", "demonstration_project", "year", "row_version", "marked_by",
                    "revoked_by"),
            new RecordTable("GuidanceSession", "guidance_session", "id", "year", List.of("recorded_by"),
                    List.of("given_by"), null, null, null),
            RecordTable.of("Incentive", "incentive", "year", "row_version", "marked_by", "unmarked_by"));

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
