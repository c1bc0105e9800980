package cn.org.kczg.teams.kit.audit;

import java.time.Instant;

/** One audit-trail entry as an API shows it: the history of a record, for its owners and auditors. */
public record HistoryEntry(Instant at, String actor, String role, String action, String reason) {

    public static HistoryEntry of(AuditEntry e) {
        return new HistoryEntry(e.occurredAt, e.actor, e.actorRole, e.action, e.reason);
    }
}
