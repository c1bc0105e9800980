package cn.org.kczg.teams.review.priority;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Art. 9 weights; defaults favour foundation and fit with the key fields. */
@ConfigMapping(prefix = "kczg.priority")
public interface PriorityConfig {
    @WithDefault("25")
    double workFoundation();

    @WithDefault("15")
    double budget();

    @WithDefault("10")
    double staff();

    @WithDefault("20")
    double continuity();

    @WithDefault("30")
    double keyFields();

    /** Characters at which a text part counts as fully stated. */
    @WithDefault("200")
    int fullTextLength();

    @WithDefault("1000000")
    BigDecimal fullBudget();

    @WithDefault("10")
    int fullStaff();

    default PriorityScore.Weights weights() {
        return new PriorityScore.Weights(workFoundation(), budget(), staff(), continuity(), keyFields(),
                fullTextLength(), fullBudget(), fullStaff());
    }
}
