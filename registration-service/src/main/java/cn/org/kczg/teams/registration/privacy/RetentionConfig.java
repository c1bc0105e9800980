package cn.org.kczg.teams.registration.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long registration-service keeps personal data, per retention class of docs/personal-data.md (ISO-8601). */
@ConfigMapping(prefix = "kczg.retention")
public interface RetentionConfig {
    /** TEAM: after the team ended (revoked or disqualified). */
    @WithDefault("P3Y")
    String team();

    /** APPLICATION: after the decision on an application that did not become a team. */
    @WithDefault("P3Y")
    String application();

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
