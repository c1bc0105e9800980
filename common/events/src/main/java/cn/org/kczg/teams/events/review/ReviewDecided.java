package cn.org.kczg.teams.events.review;

import cn.org.kczg.teams.events.EventPayload;
import cn.org.kczg.teams.events.OfLeadUnit;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The qualification review decided an application (Art. 3, 5, 8); {@code overrides} names the failed
 * checks a reviewer overrode, with the written reason (Art. 8 "in principle").
 */
public record ReviewDecided(UUID caseId, UUID applicationId, String leadUnitCreditCode, Decision decision,
        List<String> reasons, String reviewer, Instant decidedAt, List<CheckOverride> overrides) implements EventPayload, OfLeadUnit {
    public static final String TYPE = "review.decided";

    public record CheckOverride(String check, String reason) {
    }

    public enum Decision {
        APPROVED, REJECTED, CHANGES_REQUESTED
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return "review-case";
    }

    @Override
    public String aggregateId() {
        return caseId.toString();
    }
}
