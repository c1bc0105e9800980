package cn.org.kczg.teams.registration.application;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * DRAFT → SUBMITTED → (CHANGES_REQUESTED → SUBMITTED)* → APPROVED | REJECTED, or WITHDRAWN before a
 * decision.
 */
@Schema(name = "TeamApplicationStatus", description = "Where a team application stands: DRAFT → SUBMITTED → "
        + "(CHANGES_REQUESTED → SUBMITTED)* → APPROVED or REJECTED, or WITHDRAWN before the decision.")
public enum ApplicationStatus {
    DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED, REJECTED, WITHDRAWN;

    public Set<ApplicationStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN);
            case CHANGES_REQUESTED -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case APPROVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    public boolean canMoveTo(ApplicationStatus target) {
        return next().contains(target);
    }

    /** The lead unit may change what it states only while the application is in its hands. */
    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    /** Holds the team name and counts against the quota. */
    public boolean pending() {
        return this == SUBMITTED || this == CHANGES_REQUESTED;
    }
}
