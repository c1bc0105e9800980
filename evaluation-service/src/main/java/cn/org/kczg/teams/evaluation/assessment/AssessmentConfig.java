package cn.org.kczg.teams.evaluation.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code kczg.assessment.*}: how the annual assessment runs. */
@ConfigMapping(prefix = "kczg.assessment")
public interface AssessmentConfig {
    /** Teams scored per transaction: a run commits its progress after each slice. */
    @WithDefault("1000")
    int sliceSize();

    /** A run that has not moved for this long is taken as dead (its instance stopped) and may be started anew. */
    @WithDefault("2m")
    Duration staleAfter();

    /** PostgreSQL's {@code work_mem} for the scoring statement. */
    @WithDefault("128MB")
    String workMem();
}
