package cn.org.kczg.teams.evaluation.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long evaluation-service keeps personal data, per retention class of docs/personal-data.md (ISO-8601 periods). */
@ConfigMapping(prefix = "kczg.retention")
public interface RetentionConfig {
    /** RECORD: after the end of the year the record concerns. */
    @WithDefault("P10Y")
    String record();

    /** AUDIT: after the entry of the audit trail or the access record. */
    @WithDefault("P5Y")
    String audit();

    /** How often the purge runs ({@code off} in tests, which run it themselves). */
    @WithDefault("1h")
    String purgeEvery();

    /** Rows changed or deleted per transaction. */
    @WithDefault("200")
    int batch();
}
