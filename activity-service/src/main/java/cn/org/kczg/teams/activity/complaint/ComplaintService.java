package cn.org.kczg.teams.activity.complaint;

import cn.org.kczg.teams.activity.complaint.ComplaintDtos.ComplaintView;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.FileComplaint;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.PublicComplaint;
import cn.org.kczg.teams.activity.complaint.ComplaintDtos.Receipt;
import cn.org.kczg.teams.activity.team.TeamAccess;
import cn.org.kczg.teams.activity.team.TeamCopy;
import cn.org.kczg.teams.events.activity.ComplaintDecided;
import cn.org.kczg.teams.events.activity.ComplaintFiled;
import cn.org.kczg.teams.events.activity.ComplaintResponded;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.crypto.FieldHash;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Art. 15: public complaints, rate-limited per client address, triaged by the operator. */
@ApplicationScoped
@Transactional
public class ComplaintService {
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    TransactionLocks locks;
    @Inject
    ComplaintConfig config;
    @Inject
    ClientAddressHash addressHash;
    @Inject
    FieldHash contactHash;
    @Inject
    Clock clock;

    public Receipt file(FileComplaint request, String clientAddress) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(request.teamId())
                .orElseThrow(() -> ProblemException.notFound(Text.of("team.not-found", request.teamId())));
        String client = addressHash.of(clientAddress);
        Instant now = clock.instant();
        // one address at a time, so concurrent complaints cannot slip past the limit together
        locks.lock("complaint:" + client);
        List<Complaint> recent = Complaint.list("clientHash = ?1 and filedAt > ?2 order by filedAt", client,
                now.minus(config.window()));
        if (recent.size() >= config.perClient()) {
            Instant freeAt = recent.get(recent.size() - config.perClient()).filedAt.plus(config.window());
            long retryAfter = Math.max(1, Duration.between(now, freeAt).toSeconds() + 1);
            throw ProblemException.tooManyRequests(Text.of("complaint.too-many", retryAfter), retryAfter);
        }
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.receipt = Receipts.next();
        c.teamId = team.id;
        c.leadUnitCreditCode = team.leadUnitCreditCode;
        c.kind = request.kind();
        c.text = request.text().strip();
        c.contact = request.contact();
        c.contactHash = contactHash.of(request.contact());
        c.clientHash = client;
        c.status = Complaint.Status.RECEIVED;
        c.filedAt = now;
        c.persist();
        audit.record(Caller.ANONYMOUS, "complaint.filed", "complaint", c.id.toString(), null);
        outbox.append(new ComplaintFiled(c.id, c.teamId, c.leadUnitCreditCode, c.kind.name(), year(now)));
        return new Receipt(c.id, c.receipt, c.status, c.filedAt);
    }

    public Optional<ComplaintView> decide(Caller caller, UUID id, Complaint.Status outcome, String reason) {
        if (outcome == Complaint.Status.RECEIVED) {
            throw ProblemException.invalid("outcome", Text.of("decision.outcome"));
        }
        return Complaint.<Complaint>findByIdOptional(id).map(c -> {
            if (c.status != Complaint.Status.RECEIVED) {
                throw ProblemException.conflict("already-decided", Text.of("complaint.already-decided", c.status));
            }
            c.status = outcome;
            c.outcomeReason = reason.strip();
            c.decidedBy = caller.subject();
            c.decidedAt = clock.instant();
            audit.record(caller, "complaint." + outcome.name().toLowerCase(), "complaint", id.toString(), reason);
            outbox.append(new ComplaintDecided(outcome == Complaint.Status.UPHELD ? ComplaintDecided.UPHELD
                    : ComplaintDecided.DISMISSED, c.id, c.teamId, c.kind.name(), year(c.filedAt), c.outcomeReason));
            return view(caller, c);
        });
    }

    /** The team's one answer, before the decision: its handler (or a deputy) or lead unit. */
    public Optional<ComplaintView> respond(Caller caller, UUID id, String text) {
        return Complaint.<Complaint>findByIdOptional(id)
                .filter(c -> TeamAccess.maySee(caller, c.teamId, c.leadUnitCreditCode)).map(c -> {
                    TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(c.teamId)
                            .orElseThrow(() -> ProblemException.notFound(Text.of("complaint.not-found", id)));
                    TeamAccess.requireActsFor(caller, team);
                    if (c.status != Complaint.Status.RECEIVED) {
                        throw ProblemException.conflict("already-decided",
                                Text.of("complaint.already-decided", c.status));
                    }
                    if (c.response != null) {
                        throw ProblemException.conflict("already-responded", Text.of("complaint.already-responded"));
                    }
                    c.response = text.strip();
                    c.respondedBy = caller.subject();
                    c.respondedAt = clock.instant();
                    audit.record(caller, ComplaintResponded.TYPE, "complaint", id.toString(), null);
                    outbox.append(new ComplaintResponded(c.id, c.teamId, c.leadUnitCreditCode, year(c.filedAt)));
                    return view(caller, c);
                });
    }

    /** What the complainant reads by the receipt: never the text, contact, the team's answer or who decided. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PublicComplaint> byReceipt(String receipt) {
        String code = Receipts.normalise(receipt);
        if (code == null) {
            return Optional.empty();
        }
        return Complaint.<Complaint>find("receipt", code).firstResultOptional().map(c -> new PublicComplaint(
                c.receipt, c.kind, TeamCopy.<TeamCopy>findByIdOptional(c.teamId).map(t -> t.name).orElse(null),
                c.status, c.response != null, c.outcomeReason, c.filedAt, c.decidedAt));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ComplaintView> list(Caller caller, Complaint.Status status, UUID teamId, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = where(caller, status, teamId, params);
        return Page.of(Complaint.<Complaint>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), page.sort(),
                params), page, c -> view(caller, c));
    }

    /** The same complaints as {@link #list}, every one, newest first, for an export (in a transaction; close it). */
    public Stream<Complaint> all(Caller caller, Complaint.Status status, UUID teamId) {
        Parameters params = new Parameters();
        return Listing.all(Complaint.class, where(caller, status, teamId, params), params,
                Sort.by("filedAt").descending().and("id"));
    }

    private static List<String> where(Caller caller, Complaint.Status status, UUID teamId, Parameters params) {
        List<String> where = new ArrayList<>();
        TeamAccess.restrictToOwnTeams(caller, where, params);
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (teamId != null) {
            where.add("teamId = :teamId");
            params.and("teamId", teamId);
        }
        return where;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ComplaintView> find(Caller caller, UUID id) {
        return Complaint.<Complaint>findByIdOptional(id)
                .filter(c -> TeamAccess.maySee(caller, c.teamId, c.leadUnitCreditCode)).map(c -> view(caller, c));
    }

    /** The complainant's contact is for staff only. */
    private static ComplaintView view(Caller caller, Complaint c) {
        boolean staff = caller.isAny(Roles.OPERATOR, Roles.AUDITOR);
        return new ComplaintView(c.id, c.teamId, c.kind, c.text, staff ? c.contact : null, c.status, c.response,
                c.respondedAt, c.outcomeReason, c.filedAt, c.decidedAt);
    }

    private static int year(Instant at) {
        return at.atZone(ZoneId.of("Asia/Shanghai")).getYear();
    }

}
