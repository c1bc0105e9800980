package cn.org.kczg.teams.events.review;

import cn.org.kczg.teams.events.EventPayload;
import java.time.Instant;
import java.util.UUID;

/** An operator gave a review case to a reviewer ({@code reviewer} is their token's {@code sub}). */
public record ReviewCaseAssigned(UUID caseId, UUID applicationId, String reviewer, String assignedBy, Instant at)
        implements EventPayload {
    public static final String TYPE = "review.case-assigned";

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
