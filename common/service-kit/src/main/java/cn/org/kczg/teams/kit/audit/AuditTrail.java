package cn.org.kczg.teams.kit.audit;

import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.web.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Who did what to which record, when and why: written in the caller's transaction, never edited. */
@ApplicationScoped
public class AuditTrail {
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String aggregateType, String aggregateId, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = clock.instant();
        entry.actor = caller.subject();
        entry.actorRole = caller.primaryRole();
        entry.action = action;
        entry.aggregateType = aggregateType;
        entry.aggregateId = aggregateId;
        entry.reason = reason;
        entry.requestId = RequestId.current();
        entry.persist();
    }

    public List<AuditEntry> of(String aggregateType, String aggregateId) {
        return AuditEntry.list("aggregateType = ?1 and aggregateId = ?2 order by id", aggregateType, aggregateId);
    }

    /** Every change of the record, oldest first, as the API shows it. */
    public List<HistoryEntry> history(String aggregateType, String aggregateId) {
        return of(aggregateType, aggregateId).stream().map(HistoryEntry::of).toList();
    }
}
