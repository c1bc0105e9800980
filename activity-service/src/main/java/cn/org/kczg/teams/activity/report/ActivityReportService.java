package cn.org.kczg.teams.activity.report;

import cn.org.kczg.teams.activity.report.ReportDtos.ActivityView;
import cn.org.kczg.teams.activity.report.ReportDtos.ReportActivity;
import cn.org.kczg.teams.activity.report.ReportDtos.ViolationView;
import cn.org.kczg.teams.activity.team.TeamAccess;
import cn.org.kczg.teams.activity.team.TeamCopy;
import cn.org.kczg.teams.events.activity.ActivityForm;
import cn.org.kczg.teams.events.activity.ActivityReported;
import cn.org.kczg.teams.events.activity.FeeViolationDecided;
import cn.org.kczg.teams.events.activity.FeeViolationFlagged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    public ActivityView report(Caller caller, ReportActivity r) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(r.teamId())
                .filter(t -> TeamAccess.belongsTo(caller, t.id, t.leadUnitCreditCode))
                .orElseThrow(() -> ProblemException.notFound(Text.of("team.not-found", r.teamId())));
        TeamAccess.requireActsFor(caller, team);
        if (!"ACTIVE".equals(team.status) && !"SUSPENDED".equals(team.status)) {
            throw ProblemException.conflict("team-not-live", Text.of("team.not-live", team.status));
        }
        if (r.endDate().isBefore(r.startDate())) {
            throw ProblemException.invalid("endDate", Text.of("activity.end-before-start"));
        }
        boolean online = Boolean.TRUE.equals(r.place().online());
        if (!online && (r.place().city() == null || r.place().city().isBlank())) {
            throw ProblemException.invalid("place.city", Text.of("activity.city-required"));
        }
        if (r.feesCharged().amount().signum() > 0 && (r.feesCharged().payer() == null
                || r.feesCharged().payer().isBlank())) {
            throw ProblemException.invalid("feesCharged.payer", Text.of("activity.payer-required"));
        }
        ActivityReport a = new ActivityReport();
        a.id = UUID.randomUUID();
        a.teamId = team.id;
        a.leadUnitCreditCode = team.leadUnitCreditCode;
        a.year = r.startDate().getYear();
        a.category = r.category().name();
        a.form = r.form();
        a.title = r.title().strip();
        a.startDate = r.startDate();
        a.endDate = r.endDate();
        a.city = r.place().city();
        a.park = r.place().park();
        a.online = online;
        List<String> pilotPlaces = team.pilotCities == null ? List.of() : team.pilotCities;
        a.placeKind = PlaceKind.of(a.city, a.park, online, pilotPlaces);
        a.participants = r.participants();
        a.enterprisesServed = r.enterprisesServed();
        a.outcomes = r.outcomes() == null ? new ReportDtos.Outcomes(null, 0, 0, 0, 0) : r.outcomes();
        a.feeAmount = r.feesCharged().amount();
        a.feePayer = r.feesCharged().payer();
        a.reportedBy = caller.subject();
        a.reportedAt = clock.instant();
        a.persist();
        audit.record(caller, "activity.reported", "activity", a.id.toString(), null);
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

    public record ActivityFilter(UUID teamId, Integer year, String category, ActivityForm form) {
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
