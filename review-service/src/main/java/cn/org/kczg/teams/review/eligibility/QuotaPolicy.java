package cn.org.kczg.teams.review.eligibility;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import java.util.Optional;

/**
 * Art. 8: how many teams a lead unit may lead. Fixed for national societies (5) and provincial CASTs
 * and their affiliates (2); for the other eligible categories the operator sets a number each year.
 */
public final class QuotaPolicy {
    public static final int NATIONAL_SOCIETY_LIMIT = 5;
    public static final int PROVINCIAL_CAST_LIMIT = 2;

    private QuotaPolicy() {
    }

    /** The limit, or {@code null} while the category has no fixed limit and no annual quota is set. */
    public static Integer limit(LeadUnitCategory category, Optional<Integer> annualQuota) {
        return switch (category) {
            case NATIONAL_SOCIETY -> NATIONAL_SOCIETY_LIMIT;
            case PROVINCIAL_CAST, PROVINCIAL_CAST_AFFILIATE -> PROVINCIAL_CAST_LIMIT;
            case OTHER -> 0;
            default -> annualQuota.orElse(null);
        };
    }
}
