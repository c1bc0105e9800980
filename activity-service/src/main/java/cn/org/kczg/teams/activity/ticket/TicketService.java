package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.activity.calendar.Holiday;
import cn.org.kczg.teams.activity.team.TeamAccess;
import cn.org.kczg.teams.activity.team.TeamCopy;
import cn.org.kczg.teams.activity.ticket.TicketDtos.Answer;
import cn.org.kczg.teams.activity.ticket.TicketDtos.AnswerVersion;
import cn.org.kczg.teams.activity.ticket.TicketDtos.PushTicket;
import cn.org.kczg.teams.activity.ticket.TicketDtos.TicketStep;
import cn.org.kczg.teams.activity.ticket.TicketDtos.TicketView;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.activity.TicketRated;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.OwnObjects;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The demand hall (需求大厅, Art. 12): intake, matching, assignment, the ticket's way to closure, SLA. */
@ApplicationScoped
@Transactional
public class TicketService {
    static final String OPERATOR_PARTNER = "operator";
    /** Assigned and not yet answered: the team holds it. */
    private static final Set<TicketStatus> HELD_BY_TEAM = EnumSet.of(TicketStatus.ASSIGNED, TicketStatus.ACCEPTED,
            TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_DEMAND, TicketStatus.REOPENED);
    private static final Caller AUTO = new Caller("auto-assign", Set.of(Roles.OPERATOR), null, Set.of(), null);

    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    TransactionLocks transactionLocks;
    @Inject
    SlaConfig sla;
    @Inject
    TicketMetrics metrics;
    @Inject
    Clock clock;
    @Inject
    MatchingIndex matching;

    public record Pushed(TicketView ticket, boolean created) {
    }

    /**
     * Idempotent intake: the same (partner, externalId) or (partner, Idempotency-Key) returns the first
     * ticket. Pushes of one key are serialised by a transaction-scoped advisory lock, so two identical
     * pushes racing each other still make one ticket (the unique constraints are the backstop).
     */
    public Pushed push(Caller caller, PushTicket request, String idempotencyKey) {
        String partner = partnerOf(caller);
        String externalId = request.externalId().strip();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        List<String> keys = new ArrayList<>(List.of("ext:" + partner + ":" + externalId));
        if (key != null) {
            keys.add("key:" + partner + ":" + key);
        }
        keys.stream().sorted().forEach(transactionLocks::lock);
        Optional<Ticket> existing = Ticket.<Ticket>find("partner = ?1 and externalId = ?2", partner, externalId)
                .firstResultOptional();
        if (existing.isEmpty() && key != null) {
            existing = Ticket.<Ticket>find("partner = ?1 and idempotencyKey = ?2", partner, key).firstResultOptional();
        }
        if (existing.isPresent()) {
            return new Pushed(view(existing.get()), false);
        }
        Instant now = clock.instant();
        Ticket t = new Ticket();
        t.id = UUID.randomUUID();
        t.partner = partner;
        t.externalId = externalId;
        t.idempotencyKey = key;
        t.projectName = request.projectName().strip();
        t.industryField = request.industryField().strip();
        t.background = request.background();
        t.technicalProblems = request.technicalProblems();
        t.expectedTargets = request.expectedTargets();
        t.region = request.region().strip();
        t.demandSideName = request.demandSide().name().strip();
        t.demandSideCreditCode = request.demandSide().creditCode();
        t.contact = request.contact();
        t.categories = request.categories() == null ? List.of() : request.categories().stream().map(Enum::name).toList();
        t.keywords = request.keywords() == null ? List.of() : request.keywords();
        t.status = TicketStatus.NEW;
        t.createdAt = now;
        t.updatedAt = now;
        t.persist();
        TicketHistory created = record(caller, t, TicketChanged.CREATED, null, TicketStatus.NEW, null);
        if (DemandHallSettings.current().autoAssign) {
            var best = matches(t).stream().filter(m -> m.score() > 0).findFirst();
            if (best.isPresent()) {
                assignTo(AUTO, t, TeamCopy.findById(best.get().teamId()), "自动分派: 最佳匹配 " + best.get().score());
                return new Pushed(view(t), true);
            }
        }
        // the new ticket's history is the one step just written: not read back
        return new Pushed(TicketView.of(t, List.of(TicketStep.of(created)), List.of()), true);
    }

    private static String partnerOf(Caller caller) {
        if (caller.partner() != null) {
            return caller.partner();
        }
        if (caller.is(Roles.OPERATOR)) {
            return OPERATOR_PARTNER;
        }
        throw ProblemException.forbidden(Text.of("ticket.no-partner"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TicketView> find(Caller caller, UUID id) {
        return visible(caller, id).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<TeamMatcher.Match>> matches(Caller caller, UUID id) {
        return visible(caller, id).map(this::matches);
    }

    private List<TeamMatcher.Match> matches(Ticket t) {
        return matching.rank(new TeamMatcher.Demand(t.categories, t.region, t.industryField, t.keywords,
                t.projectName, t.background, t.technicalProblems, t.expectedTargets));
    }

    public Optional<TicketView> assign(Caller caller, UUID id, UUID teamId, String reason) {
        return visible(caller, id).map(t -> {
            if (t.teamId != null && (reason == null || reason.isBlank())) {
                throw ProblemException.invalid("reason", Text.of("ticket.reassign-reason"));
            }
            TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(teamId).orElseThrow(() ->
                    ProblemException.notFound(Text.of("team.not-found", teamId)));
            assignTo(caller, t, team, reason);
            return view(t);
        });
    }

    private void assignTo(Caller caller, Ticket t, TeamCopy team, String reason) {
        if (!team.active()) {
            throw ProblemException.conflict("team-not-active", Text.of("ticket.team-not-active", team.name, team.status));
        }
        Instant now = clock.instant();
        TicketStatus from = t.moveTo(TicketStatus.ASSIGNED, now);
        SlaClock clock = slaClock();
        t.teamId = team.id;
        t.teamName = team.name;
        t.teamLeadUnit = team.leadUnitCreditCode;
        t.assignedAt = now;
        t.acceptedAt = null;
        t.pausedAt = null;
        t.firstResponseDue = clock.plusWorkingDays(now, sla.firstResponseDays());
        t.resolutionDue = clock.plusWorkingDays(now, sla.resolutionDays());
        t.firstResponseOverdue = false;
        t.resolutionOverdue = false;
        record(caller, t, TicketChanged.ASSIGNED, from, TicketStatus.ASSIGNED, reason);
    }

    public Optional<TicketView> accept(Caller caller, UUID id) {
        return asTeam(caller, id, t -> {
            TicketStatus from = t.moveTo(TicketStatus.ACCEPTED, clock.instant());
            t.acceptedAt = t.updatedAt;
            record(caller, t, TicketChanged.ACCEPTED, from, TicketStatus.ACCEPTED, null);
        });
    }

    /** Back to the pool, with the reason; the operator assigns it again. */
    public Optional<TicketView> decline(Caller caller, UUID id, String reason) {
        return asTeam(caller, id, false, t -> {
            TicketStatus from = t.moveTo(TicketStatus.NEW, clock.instant());
            t.leaveTeam();
            record(caller, t, TicketChanged.DECLINED, from, TicketStatus.NEW, reason);
        });
    }

    /**
     * A team that is no longer active keeps no work: each ticket it holds and has not answered goes back to the
     * hall ({@code ticket.returned}, naming the team it left) for the operator to assign again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onTeamStatusChanged(TeamStatusChanged event, EventEnvelope envelope) {
        if ("ACTIVE".equals(event.to())) {
            return;
        }
        Caller registration = new Caller(envelope.producer(), Set.of(Roles.OPERATOR), null, Set.of(), null);
        String reason = "team " + event.to() + (event.reason() == null ? "" : ": " + event.reason());
        for (Ticket t : Ticket.<Ticket>list("teamId = ?1 and status in ?2", event.teamId(), HELD_BY_TEAM)) {
            TicketStatus from = t.status;
            t.status = TicketStatus.NEW;
            t.updatedAt = clock.instant();
            record(registration, t, TicketChanged.RETURNED, from, TicketStatus.NEW, reason);
            t.leaveTeam();
        }
    }

    /** Ask the demand side for information: the SLA clock stops until the ticket resumes. */
    public Optional<TicketView> requestInfo(Caller caller, UUID id, String question) {
        return asTeam(caller, id, t -> {
            TicketStatus from = t.moveTo(TicketStatus.WAITING_ON_DEMAND, clock.instant());
            if (t.acceptedAt == null) {
                t.acceptedAt = t.updatedAt;
            }
            t.pausedAt = t.updatedAt;
            record(caller, t, TicketChanged.INFO_REQUESTED, from, TicketStatus.WAITING_ON_DEMAND, question);
        });
    }

    /** The demand side answered (told by the team, the partner or the operator): the clock runs again. */
    public Optional<TicketView> resume(Caller caller, UUID id, String note) {
        return visible(caller, id).map(t -> {
            if (!mayWorkOn(caller, t) && !mayConfirm(caller, t)) {
                throw ProblemException.forbidden(Text.of("ticket.resume-forbidden"));
            }
            Instant now = clock.instant();
            TicketStatus from = t.moveTo(TicketStatus.IN_PROGRESS, now);
            if (from == TicketStatus.WAITING_ON_DEMAND && t.pausedAt != null) {
                SlaClock clock = slaClock();
                t.firstResponseDue = clock.afterPause(t.firstResponseDue, t.pausedAt, now);
                t.resolutionDue = clock.afterPause(t.resolutionDue, t.pausedAt, now);
                t.pausedAt = null;
            }
            record(caller, t, TicketChanged.RESUMED, from, TicketStatus.IN_PROGRESS, note);
            return view(t);
        });
    }

    public Optional<TicketView> answer(Caller caller, UUID id, Answer answer) {
        return asTeam(caller, id, t -> {
            TicketStatus from = t.moveTo(TicketStatus.ANSWERED, clock.instant());
            t.answer = answer;
            TicketAnswer version = new TicketAnswer();
            version.ticketId = t.id;
            version.at = t.updatedAt;
            version.actor = caller.subject();
            version.answer = answer;
            version.persist();
            record(caller, t, TicketChanged.ANSWERED, from, TicketStatus.ANSWERED, null);
        });
    }

    public Optional<TicketView> resolve(Caller caller, UUID id) {
        return asTeam(caller, id, t -> {
            TicketStatus from = t.moveTo(TicketStatus.RESOLVED, clock.instant());
            record(caller, t, TicketChanged.RESOLVED, from, TicketStatus.RESOLVED, null);
            TeamCopy.profileChanged(t.teamId);
        });
    }

    public Optional<TicketView> close(Caller caller, UUID id) {
        return asDemandSide(caller, id, t -> {
            TicketStatus from = t.moveTo(TicketStatus.CLOSED, clock.instant());
            record(caller, t, TicketChanged.CLOSED, from, TicketStatus.CLOSED, null);
        });
    }

    /** The partner takes back a demand nobody has accepted yet; the team it was assigned to is told by the event. */
    public Optional<TicketView> withdraw(Caller caller, UUID id, String reason) {
        return asDemandSide(caller, id, t -> {
            TicketStatus from = t.moveTo(TicketStatus.WITHDRAWN, clock.instant());
            record(caller, t, TicketChanged.WITHDRAWN, from, TicketStatus.WITHDRAWN, reason);
        });
    }

    /** The demand side says, once, how well a resolved ticket was served (Art. 18's 实施效果). */
    public Optional<TicketView> rate(Caller caller, UUID id, int score, String comment) {
        return visible(caller, id).map(t -> {
            if (!t.pushedBy(caller)) {
                throw ProblemException.forbidden(Text.of("ticket.rating-demand-side-only"));
            }
            if (t.status != TicketStatus.RESOLVED && t.status != TicketStatus.CLOSED) {
                throw ProblemException.conflict("not-resolved", Text.of("ticket.rating-not-resolved", t.status));
            }
            if (t.ratedAt != null) {
                throw ProblemException.conflict("already-rated", Text.of("ticket.already-rated"));
            }
            Instant now = clock.instant();
            t.ratingScore = score;
            t.ratingComment = comment == null || comment.isBlank() ? null : comment.strip();
            t.ratedAt = now;
            t.updatedAt = now;
            history(caller, t, TicketRated.TYPE, t.status, t.status, "评分 " + score);
            audit.record(caller, TicketRated.TYPE, "ticket", t.id.toString(), String.valueOf(score));
            outbox.append(new TicketRated(t.id, t.partner, t.teamId, t.teamLeadUnit, score, now));
            TeamCopy.profileChanged(t.teamId);
            return view(t);
        });
    }

    public Optional<TicketView> reopen(Caller caller, UUID id, String reason) {
        return asDemandSide(caller, id, t -> {
            Instant now = clock.instant();
            TicketStatus from = t.moveTo(TicketStatus.REOPENED, now);
            t.resolutionDue = slaClock().plusWorkingDays(now, sla.resolutionDays());
            t.resolutionOverdue = false;
            record(caller, t, TicketChanged.REOPENED, from, TicketStatus.REOPENED, reason);
            TeamCopy.profileChanged(t.teamId);
        });
    }

    /**
     * Marks each breach once and emits {@code ticket.overdue}, at most {@code limit} of each kind per transaction (a
     * backlog after an outage is worked off in slices, never loaded whole); returns how many were marked. Every
     * instance runs the watch: the lock lets one look at a time, so the next finds the breaches already marked.
     */
    public int markOverdue(int limit) {
        transactionLocks.lock("sla-watch");
        Instant now = clock.instant();
        Caller watch = new Caller("sla-watch", Set.of(Roles.OPERATOR), null, Set.of(), null);
        int marked = 0;
        for (Ticket t : Ticket.<Ticket>find("status = ?1 and firstResponseOverdue = false and firstResponseDue < ?2",
                TicketStatus.ASSIGNED, now).range(0, limit - 1).list()) {
            t.firstResponseOverdue = true;
            overdue(watch, t, "FIRST_RESPONSE");
            marked++;
        }
        for (Ticket t : Ticket.<Ticket>find("status in ?1 and resolutionOverdue = false and resolutionDue < ?2",
                List.of(TicketStatus.ASSIGNED, TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS,
                        TicketStatus.ANSWERED, TicketStatus.REOPENED), now).range(0, limit - 1).list()) {
            t.resolutionOverdue = true;
            overdue(watch, t, "RESOLUTION");
            marked++;
        }
        Instant soon = now.plus(sla.warnBefore());
        for (Ticket t : Ticket.<Ticket>find("status = ?1 and firstResponseOverdue = false and firstResponseDue >= ?2 "
                + "and firstResponseDue < ?3", TicketStatus.ASSIGNED, now, soon).range(0, limit - 1).list()) {
            marked += warn(t, "FIRST_RESPONSE", t.firstResponseDue);
        }
        for (Ticket t : Ticket.<Ticket>find("status in ?1 and resolutionOverdue = false and resolutionDue >= ?2 "
                + "and resolutionDue < ?3", List.of(TicketStatus.ASSIGNED, TicketStatus.ACCEPTED,
                        TicketStatus.IN_PROGRESS, TicketStatus.ANSWERED, TicketStatus.REOPENED), now, soon)
                .range(0, limit - 1).list()) {
            marked += warn(t, "RESOLUTION", t.resolutionDue);
        }
        return marked;
    }

    /** {@code ticket.sla-warning} once per due time: a due time moved by a pause or a reopening warns again. */
    private int warn(Ticket t, String kind, Instant due) {
        int inserted = Ticket.getEntityManager().createNativeQuery("""
                insert into ticket_sla_warning (ticket_id, due_kind, due_at, warned_at)
                values (:t, :k, :due, :at) on conflict do nothing""")
                .setParameter("t", t.id).setParameter("k", kind).setParameter("due", due)
                .setParameter("at", clock.instant()).executeUpdate();
        if (inserted == 1) {
            outbox.append(event(TicketChanged.SLA_WARNING, t, t.status, t.status, null, kind));
        }
        return inserted;
    }

    private void overdue(Caller watch, Ticket t, String kind) {
        history(watch, t, TicketChanged.OVERDUE, t.status, t.status, kind);
        outbox.append(event(TicketChanged.OVERDUE, t, t.status, t.status, null, kind));
        metrics.breachMarked(kind);
    }

    public record TicketFilter(TicketStatus status, Boolean overdue, UUID teamId, Instant updatedSince, String q) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TicketView> list(Caller caller, TicketFilter f, PageRequest page) {
        Parameters params = new Parameters();
        return Listing.of(Ticket.class, where(caller, f, params), params, page, t -> TicketView.of(t, null, null));
    }

    /** The same tickets as {@link #list}, every one of them, for an export (in a transaction; close the stream). */
    public Stream<Ticket> all(Caller caller, TicketFilter f, Sort sort) {
        Parameters params = new Parameters();
        return Listing.all(Ticket.class, where(caller, f, params), params, sort);
    }

    private static List<String> where(Caller caller, TicketFilter f, Parameters params) {
        List<String> where = new ArrayList<>();
        if (!caller.isAny(Roles.OPERATOR, Roles.AUDITOR)) {
            where.add("(" + OwnObjects.ofPartner(caller, params, "partner") + " or "
                    + OwnObjects.ofTeams(caller, params, "teamId", "teamLeadUnit") + ")");
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            where.add("(firstResponseOverdue = true or resolutionOverdue = true) and status not in :done");
            params.and("done", List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED, TicketStatus.WITHDRAWN));
        }
        if (f.teamId() != null) {
            where.add("teamId = :teamId");
            params.and("teamId", f.teamId());
        }
        if (f.updatedSince() != null) {
            where.add("updatedAt > :since");
            params.and("since", f.updatedSince());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("(lower(projectName) like :q or lower(industryField) like :q or lower(region) like :q)");
            params.and("q", "%" + f.q().strip().toLowerCase() + "%");
        }
        return where;
    }

    private Optional<TicketView> asTeam(Caller caller, UUID id, Consumer<Ticket> change) {
        return asTeam(caller, id, true, change);
    }

    /** The assigned team's work; only an active team works ({@code activeOnly}), any may hand a ticket back. */
    private Optional<TicketView> asTeam(Caller caller, UUID id, boolean activeOnly, Consumer<Ticket> change) {
        return visible(caller, id).map(t -> {
            if (!mayWorkOn(caller, t)) {
                throw ProblemException.forbidden(Text.of("ticket.team-only"));
            }
            if (activeOnly) {
                TeamCopy.<TeamCopy>findByIdOptional(t.teamId).ifPresent(TeamCopy::requireActive);
            }
            change.accept(t);
            return view(t);
        });
    }

    private Optional<TicketView> asDemandSide(Caller caller, UUID id, Consumer<Ticket> change) {
        return visible(caller, id).map(t -> {
            if (!mayConfirm(caller, t)) {
                throw ProblemException.forbidden(Text.of("ticket.demand-side-only"));
            }
            change.accept(t);
            return view(t);
        });
    }

    static boolean mayWorkOn(Caller caller, Ticket t) {
        return t.teamId != null && TeamCopy.<TeamCopy>findByIdOptional(t.teamId)
                .filter(team -> TeamAccess.actsFor(caller, team)).isPresent();
    }

    private static boolean mayConfirm(Caller caller, Ticket t) {
        return caller.is(Roles.OPERATOR) || t.pushedBy(caller);
    }

    /** Partner: own tickets; handler and lead unit: their teams'; operator and auditor: all. */
    Optional<Ticket> visible(Caller caller, UUID id) {
        return Ticket.<Ticket>findByIdOptional(id).filter(t -> TeamAccess.maySee(caller, t.teamId, t.teamLeadUnit)
                || t.pushedBy(caller));
    }

    private SlaClock slaClock() {
        return new SlaClock(Holiday.days(false), Holiday.days(true));
    }

    /** A transition: in the ticket's own history (with its states), the audit trail and the outbox. */
    private TicketHistory record(Caller caller, Ticket t, String type, TicketStatus from, TicketStatus to,
            String reason) {
        TicketHistory step = history(caller, t, type, from, to, reason);
        audit.record(caller, type, "ticket", t.id.toString(), reason);
        outbox.append(event(type, t, from, to, reason, null));
        return step;
    }

    private TicketHistory history(Caller caller, Ticket t, String action, TicketStatus from, TicketStatus to,
            String reason) {
        TicketHistory h = new TicketHistory();
        h.ticketId = t.id;
        h.at = clock.instant();
        h.actor = caller.subject();
        h.role = caller.primaryRole();
        h.action = action;
        h.fromStatus = from == null ? null : from.name();
        h.toStatus = to == null ? null : to.name();
        h.reason = reason;
        h.persist();
        return h;
    }

    private TicketChanged event(String type, Ticket t, TicketStatus from, TicketStatus to, String reason,
            String overdue) {
        return new TicketChanged(type, t.id, t.partner, t.externalId, t.teamId, t.teamLeadUnit,
                from == null ? null : from.name(), to == null ? null : to.name(), reason, t.industryField, t.region,
                t.categories, t.firstResponseDue, t.resolutionDue, overdue, clock.instant());
    }

    private TicketView view(Ticket t) {
        return TicketView.of(t, TicketHistory.<TicketHistory>list("ticketId = ?1 order by id", t.id).stream()
                .map(TicketStep::of).toList(), t.answer == null ? List.of()
                        : AnswerVersion.of(TicketAnswer.list("ticketId = ?1 order by id", t.id)));
    }
}
