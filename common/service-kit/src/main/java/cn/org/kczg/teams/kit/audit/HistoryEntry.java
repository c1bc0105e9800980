package cn.org.kczg.teams.kit.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit-trail entry as an API shows it: the history of a record, for its owners and auditors. */
@Schema(description = "One entry of a record's audit trail: who did what, when, and why.")
public record HistoryEntry(
        @Schema(description = "When it happened.", required = true) Instant at,
        @Schema(description = "Who did it: the token's subject, or `system` for the platform itself.", required = true) String actor,
        @Schema(description = "The role they acted in.", required = true) String role,
        @Schema(description = "What was done, e.g. `submitted`, `approved`.", required = true) String action,
        @Schema(description = "The reason given, if any.") String reason) {

    public static HistoryEntry of(AuditEntry e) {
        return new HistoryEntry(e.occurredAt, e.actor, e.actorRole, e.action, e.reason);
    }
}
