package cn.org.kczg.teams.events.evaluation;

import cn.org.kczg.teams.events.TeamEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Issue 21: an upheld appeal reversed the team's disqualification of {@code year} — a sanction's
 * ({@code sanctionId}) or a POOR grade's (no sanction). Registration gives the team back the status it had.
 */
public record TeamDisqualificationReversed(UUID teamId, int year, UUID sanctionId, UUID appealId, String reason,
        Instant reversedAt) implements TeamEvent {
    public static final String TYPE = "team.disqualification-reversed";

    @Override
    public String eventType() {
        return TYPE;
    }
}
