package cn.org.kczg.teams.evaluation.appeal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code kczg.appeals.*}: how long a decision may be appealed. */
@ConfigMapping(prefix = "kczg.appeals")
public interface AppealConfig {
    /** From a grade's publication or a sanction's decision; an appeal after it is 409 {@code appeal-window-closed}. */
    @WithDefault("P30D")
    Duration window();
}
