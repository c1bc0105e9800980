package cn.org.kczg.teams.kit.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a service's audit trail as auditors read it: the whole entry, with the record it concerns. */
@Schema(description = "One entry of a service's audit trail: who did what to which record, when, why, and in which "
        + "request.")
public record AuditEntryView(
        @Schema(description = "The entry's number in this service's trail (ascending in time).", required = true) long id,
        @Schema(description = "When it happened.", required = true) Instant at,
        @Schema(description = "Who did it: the token's subject, or `system` for the platform itself.") String actor,
        @Schema(description = "The role they acted in.", required = true) String role,
        @Schema(description = "What was done, e.g. `submitted`, `approved`.", required = true) String action,
        @Schema(description = "The kind of record, e.g. `application`, `ticket`.", required = true) String aggregateType,
        @Schema(description = "The record's id.", required = true) String aggregateId,
        @Schema(description = "The reason given, if any.") String reason,
        @Schema(description = "The X-Request-Id of the request that did it, if any.") String requestId) {

    public static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id, e.occurredAt, e.actor, e.actorRole, e.action, e.aggregateType, e.aggregateId,
                e.reason, e.requestId);
    }
}
