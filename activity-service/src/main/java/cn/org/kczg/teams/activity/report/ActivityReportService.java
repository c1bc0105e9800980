package cn.org.kczg.teams.activity.report;

import cn.org.kczg.teams.activity.report.ReportDtos.ActivityView;
import cn.org.kczg.teams.activity.report.ReportDtos.ReportActivity;
import cn.org.kczg.teams.activity.report.ReportDtos.ViolationView;
import cn.org.kczg.teams.activity.team.TeamAccess;
import cn.org.kczg.teams.activity.team.TeamCopy;
import cn.org.kczg.teams.events.activity.ActivityForm;
import cn.org.kczg.teams.events.activity.ActivityCorrected;
import cn.org.kczg.teams.events.activity.ActivityReported;
import cn.org.kczg.teams.events.activity.ActivityWithdrawn;
import cn.org.kczg.teams.events.activity.FeeViolationDecided;
import cn.org.kczg.teams.events.activity.FeeViolationFlagged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.json.MergePatch;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** Activity reports (Art. 10, 11) and the non-profit rule (Art. 16): a declared fee is flagged, never dropped. */
@ApplicationScoped
@Transactional
public class ActivityReportService {
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;

    static final String AGGREGATE = "activity";

    public ActivityView report(Caller caller, ReportActivity r) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(r.teamId())
                .filter(t -> TeamAccess.belongsTo(caller, t.id, t.leadUnitCreditCode))
                .orElseThrow(() -> ProblemException.notFound(Text.of("team.not-found", r.teamId())));
        TeamAccess.requireActsFor(caller, team);
        if (!"ACTIVE".equals(team.status) && !"SUSPENDED".equals(team.status)) {
            throw ProblemException.conflict("team-not-live", Text.of("team.not-live", team.status));
        }
        ReportRules.check(r.startDate(), r.endDate(), r.place(), r.feesCharged(), clock.instant());
        ActivityReport a = new ActivityReport();
        a.id = UUID.randomUUID();
        a.teamId = team.id;
        a.leadUnitCreditCode = team.leadUnitCreditCode;
        apply(a, r, team);
        a.reportedBy = caller.subject();
        a.reportedAt = clock.instant();
        a.persist();
        audit.record(caller, "activity.reported", AGGREGATE, a.id.toString(), null);
        var o = a.outcomes;
        outbox.append(new ActivityReported(a.id, a.teamId, a.leadUnitCreditCode, a.year, a.category, a.form.name(), a.title,
                a.startDate, a.endDate, a.city, a.park, a.placeKind.name(), a.participants, a.enterprisesServed,
                o.count(o.agreementsSigned()), o.count(o.technologiesTransferred()), o.count(o.standardsDrafted()),
                o.count(o.talentsTrained()), a.feeAmount));
        if (a.feeAmount.signum() > 0) {
            flag(caller, a);
        }
        return ActivityView.of(a);
    }

    private static void apply(ActivityReport a, ReportActivity r, TeamCopy team) {
        boolean online = Boolean.TRUE.equals(r.place().online());
        a.year = r.startDate().getYear();
        a.category = r.category().name();
        a.form = r.form();
        a.title = r.title().strip();
        a.startDate = r.startDate();
        a.endDate = r.endDate();
        a.city = r.place().city();
        a.park = r.place().park();
        a.online = online;
        List<String> pilotPlaces = team == null || team.pilotCities == null ? List.of() : team.pilotCities;
        a.placeKind = PlaceKind.of(a.city, a.park, online, pilotPlaces);
        a.participants = r.participants();
        a.enterprisesServed = r.enterprisesServed();
        a.outcomes = r.outcomes() == null ? new ReportDtos.Outcomes(null, 0, 0, 0, 0) : r.outcomes();
        a.feeAmount = r.feesCharged().amount();
        a.feePayer = r.feesCharged().payer();
    }

    private static ReportActivity asReport(ActivityReport a) {
        return new ReportActivity(a.teamId, ServiceCategory.valueOf(a.category), a.form, a.title, a.startDate,
                a.endDate, new ReportDtos.Place(a.city, a.park, a.online), a.participants, a.enterprisesServed,
                a.outcomes, new ReportDtos.Fees(a.feeAmount, a.feePayer));
    }

    /**
     * Art. 11, 18: the team that reported it (its lead unit, handler or a deputy) or the operator corrects a report
     * with a JSON Merge Patch and a reason, until the assessment of its year (and of the year it moves to) is
     * published. The history keeps every old → new value; evaluation-service counts the corrected figures. A fee
     * corrected to above zero raises a fee violation unless one is open or upheld; an open one follows the new
     * amount; one corrected to zero stays for the operator to decide (a declared fee is never silently dropped).
     */
    public Optional<ActivityView> correct(Caller caller, UUID id, JsonNode patch) throws JsonProcessingException {
        Optional<ActivityReport> found = actable(caller, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ActivityReport a = found.get();
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(400, "validation", Text.of("patch.not-object"));
        }
        ObjectNode changes = ((ObjectNode) patch).deepCopy();
        JsonNode reasonNode = changes.remove("reason");
        String reason = reasonNode != null && reasonNode.isTextual() ? reasonNode.asText().strip() : "";
        if (reason.isEmpty() || reason.length() > 2000) {
            throw ProblemException.invalid("reason", Text.of("activity.reason-required"));
        }
        if (changes.has("teamId")) {
            throw ProblemException.invalid("teamId", Text.of("activity.patch-field", "teamId"));
        }
        requireOpen(a);
        ReportActivity before = asReport(a);
        ReportActivity after = MergePatch.apply(mapper, before, changes, ReportActivity.class);
        Set<ConstraintViolation<ReportActivity>> violations = validator.validate(after);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        ReportRules.check(after.startDate(), after.endDate(), after.place(), after.feesCharged(), clock.instant());
        if (after.startDate().getYear() != a.year && ClosedYear.isClosed(after.startDate().getYear())) {
            throw ProblemException.conflict("assessment-closed",
                    Text.of("activity.assessment-closed", after.startDate().getYear()));
        }
        List<String> changed = ReportChanges.between(mapper.valueToTree(before), mapper.valueToTree(after));
        if (changed.isEmpty()) {
            return Optional.of(ActivityView.of(a));
        }
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(a.teamId).orElse(null);
        apply(a, after, team);
        a.status = ReportStatus.CORRECTED;
        a.correctedAt = clock.instant();
        audit.record(caller, "activity.corrected", AGGREGATE, a.id.toString(),
                reason + "；" + String.join("；", changed));
        var o = a.outcomes;
        outbox.append(new ActivityCorrected(a.id, a.teamId, a.leadUnitCreditCode, a.year, a.category, a.form.name(),
                a.title, a.startDate, a.endDate, a.city, a.park, a.placeKind.name(), a.participants,
                a.enterprisesServed, o.count(o.agreementsSigned()), o.count(o.technologiesTransferred()),
                o.count(o.standardsDrafted()), o.count(o.talentsTrained()), a.feeAmount,
                changed.stream().map(c -> c.substring(0, c.indexOf(':'))).toList()));
        recheckFee(caller, a);
        return Optional.of(ActivityView.of(a));
    }

    private void recheckFee(Caller caller, ActivityReport a) {
        if (a.feeAmount.signum() <= 0) {
            return;
        }
        List<FeeViolation> standing = FeeViolation.list("activityId = ?1 and status <> ?2", a.id,
                FeeViolation.Status.DISMISSED);
        Optional<FeeViolation> open = standing.stream().filter(v -> v.status == FeeViolation.Status.FLAGGED).findFirst();
        if (open.isPresent()) {
            FeeViolation v = open.get();
            if (v.amount.compareTo(a.feeAmount) != 0 || !java.util.Objects.equals(v.payer, a.feePayer)) {
                audit.record(caller, "fee-violation.amended", "fee-violation", v.id.toString(),
                        "第十六条: " + v.amount + " → " + a.feeAmount + " charged to " + a.feePayer);
                v.amount = a.feeAmount;
                v.payer = a.feePayer;
                v.year = a.year;
            }
        } else if (standing.isEmpty()) {
            flag(caller, a);
        }
    }

    /** Takes a report back: it leaves lists, statistics and the metrics; its history stays. */
    public Optional<ActivityView> withdraw(Caller caller, UUID id, String reason) {
        return actable(caller, id).map(a -> {
            requireOpen(a);
            a.status = ReportStatus.WITHDRAWN;
            a.withdrawnAt = clock.instant();
            a.withdrawnBy = caller.subject();
            a.withdrawalReason = reason.strip();
            audit.record(caller, "activity.withdrawn", AGGREGATE, a.id.toString(), a.withdrawalReason);
            outbox.append(new ActivityWithdrawn(a.id, a.teamId, a.leadUnitCreditCode, a.year, a.withdrawalReason));
            return ActivityView.of(a);
        });
    }

    /** The report, if the caller may see it; 403 when they see it but do not act for its team. */
    private Optional<ActivityReport> actable(Caller caller, UUID id) {
        Optional<ActivityReport> found = ActivityReport.<ActivityReport>findByIdOptional(id)
                .filter(a -> TeamAccess.maySee(caller, a.teamId, a.leadUnitCreditCode));
        found.filter(a -> !caller.is(Roles.OPERATOR)).ifPresent(a -> {
            TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(a.teamId)
                    .orElseThrow(() -> ProblemException.forbidden(Text.of("team.not-acting")));
            TeamAccess.requireActsFor(caller, team);
        });
        found.ifPresent(a -> ActivityReport.getEntityManager().lock(a, LockModeType.PESSIMISTIC_WRITE));
        return found;
    }

    private static void requireOpen(ActivityReport a) {
        if (a.status == ReportStatus.WITHDRAWN) {
            throw ProblemException.conflict("activity-withdrawn", Text.of("activity.withdrawn"));
        }
        if (ClosedYear.isClosed(a.year)) {
            throw ProblemException.conflict("assessment-closed", Text.of("activity.assessment-closed", a.year));
        }
    }

    private void flag(Caller caller, ActivityReport a) {
        FeeViolation v = new FeeViolation();
        v.id = UUID.randomUUID();
        v.activityId = a.id;
        v.teamId = a.teamId;
        v.leadUnitCreditCode = a.leadUnitCreditCode;
        v.year = a.year;
        v.amount = a.feeAmount;
        v.payer = a.feePayer;
        v.status = FeeViolation.Status.FLAGGED;
        v.flaggedAt = a.reportedAt;
        v.persist();
        audit.record(caller, "fee-violation.flagged", "fee-violation", v.id.toString(),
                "第十六条: " + a.feeAmount + " charged to " + a.feePayer);
        outbox.append(new FeeViolationFlagged(v.id, a.id, a.teamId, a.leadUnitCreditCode, a.year, a.feeAmount,
                a.feePayer));
    }

    public Optional<ViolationView> decide(Caller caller, UUID id, FeeViolation.Status outcome, String reason) {
        if (outcome == FeeViolation.Status.FLAGGED) {
            throw ProblemException.invalid("outcome", Text.of("decision.outcome"));
        }
        return FeeViolation.<FeeViolation>findByIdOptional(id).map(v -> {
            if (v.status != FeeViolation.Status.FLAGGED) {
                throw ProblemException.conflict("already-decided", Text.of("fee-violation.already-decided", v.status));
            }
            v.status = outcome;
            v.outcomeReason = reason.strip();
            v.decidedBy = caller.subject();
            v.decidedAt = clock.instant();
            audit.record(caller, "fee-violation." + outcome.name().toLowerCase(), "fee-violation", id.toString(), reason);
            outbox.append(new FeeViolationDecided(v.id, v.activityId, v.teamId, v.year, outcome.name(), v.outcomeReason));
            return ViolationView.of(v);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ActivityView> find(Caller caller, UUID id) {
        return ActivityReport.<ActivityReport>findByIdOptional(id)
                .filter(a -> TeamAccess.maySee(caller, a.teamId, a.leadUnitCreditCode)).map(ActivityView::of);
    }

    /** {@code status} null: every report but the withdrawn ones. */
    public record ActivityFilter(UUID teamId, Integer year, String category, ActivityForm form, ReportStatus status) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ActivityView> list(Caller caller, ActivityFilter f, PageRequest page) {
        Parameters params = new Parameters();
        return Listing.of(ActivityReport.class, where(caller, f, params), params, page, ActivityView::of);
    }

    /** The same activities as {@link #list}, every one of them, for an export (in a transaction; close the stream). */
    public Stream<ActivityReport> all(Caller caller, ActivityFilter f) {
        Parameters params = new Parameters();
        return Listing.all(ActivityReport.class, where(caller, f, params), params,
                Sort.by("startDate").descending().and("id"));
    }

    private static List<String> where(Caller caller, ActivityFilter f, Parameters params) {
        List<String> where = new ArrayList<>();
        TeamAccess.restrictToOwnTeams(caller, where, params);
        if (f.teamId() != null) {
            where.add("teamId = :teamId");
            params.and("teamId", f.teamId());
        }
        if (f.year() != null) {
            where.add("year = :year");
            params.and("year", f.year());
        }
        if (f.category() != null) {
            where.add("category = :category");
            params.and("category", f.category());
        }
        if (f.form() != null) {
            where.add("form = :form");
            params.and("form", f.form());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        } else {
            where.add("status <> :withdrawn");
            params.and("withdrawn", ReportStatus.WITHDRAWN);
        }
        return where;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ViolationView> violations(FeeViolation.Status status, UUID teamId, Integer year, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (teamId != null) {
            where.add("teamId = :teamId");
            params.and("teamId", teamId);
        }
        if (year != null) {
            where.add("year = :year");
            params.and("year", year);
        }
        return Page.of(FeeViolation.<FeeViolation>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                page.sort(), params), page, ViolationView::of);
    }
}
