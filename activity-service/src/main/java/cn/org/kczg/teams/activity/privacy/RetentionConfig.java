package cn.org.kczg.teams.activity.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long activity-service keeps personal data, per retention class of docs/personal-data.md (ISO-8601 periods).
 * ADDRESS needs no key: a client's hash is kept for the complaint rate limit's window ({@code kczg.complaints.window}).
 */
@ConfigMapping(prefix = "kczg.retention")
public interface RetentionConfig {
    /** COMPLAINT: after the complaint's outcome (upheld or dismissed). */
    @WithDefault("P2Y")
    String complaint();

    /** TICKET: after the ticket is resolved, closed or withdrawn. */
    @WithDefault("P2Y")
    String ticket();

    /** VOLUNTEER: after the year of the activity; a revoked certificate after its revocation. */
    @WithDefault("P5Y")
    String volunteer();

    /** RECORD: after the end of the year the record concerns. */
    @WithDefault("P10Y")
    String record();

    /** AUDIT: after the entry of the audit trail or the access record. */
    @WithDefault("P5Y")
    String audit();

    /** How often the purge runs ({@code off} in tests, which run it themselves). */
    @WithDefault("1h")
    String purgeEvery();

    /** Rows anonymised per transaction. */
    @WithDefault("200")
    int batch();
}
