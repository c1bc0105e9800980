package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.registration.ApplicationSubmitted;
import cn.org.kczg.teams.events.registration.ApplicationWithdrawn;
import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.review.ReviewCaseAssigned;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.events.review.ReviewDecided.CheckOverride;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.review.ban.Ban;
import cn.org.kczg.teams.review.ban.BanService;
import cn.org.kczg.teams.review.eligibility.EligibilityService;
import cn.org.kczg.teams.review.eligibility.LeadUnitCopy;
import cn.org.kczg.teams.review.eligibility.QuotaPolicy;
import cn.org.kczg.teams.review.eligibility.QuotaUsage;
import cn.org.kczg.teams.review.priority.PriorityConfig;
import cn.org.kczg.teams.review.priority.PriorityScore;
import cn.org.kczg.teams.review.quota.AnnualQuota;
import cn.org.kczg.teams.review.quota.YearKeyFields;
import cn.org.kczg.teams.review.review.ReviewDtos.ReviewView;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Qualification review: automatic checks on submission, then a reviewer's decision, or a panel's scores and its
 * chair's decision (Art. 3, 5, 6, 8, 9, 20).
 */
@ApplicationScoped
@Transactional
public class ReviewCaseService {
    public static final String AGGREGATE = "review-case";
    /**
     * Art. 8 "in principle" and Art. 5's 等: exceeding a quota or admitting an unlisted kind of unit needs a written
     * reason of at least this many characters.
     */
    public static final int OVERRIDE_REASON_MIN = 20;
    private static final Logger LOG = Logger.getLogger(ReviewCaseService.class);

    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    QuotaUsage quotas;
    @Inject
    EligibilityService leadUnits;
    @Inject
    PriorityConfig priority;
    @Inject
    Clock clock;

    /** {@code application.submitted}: open the case, or reopen it on resubmission, and run the checks. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReviewCase onApplicationSubmitted(ApplicationSubmitted event, EventEnvelope envelope) {
        leadUnits.remember(event.leadUnitCreditCode(), event.leadUnitName(), event.leadUnitCategory(),
                envelope.occurredAt());
        quotas.lock(event.leadUnitCreditCode());
        Optional<ReviewCase> existing = ReviewCase.forApplication(event.applicationId());
        if (existing.isPresent() && existing.get().status != ReviewStatus.CHANGES_REQUESTED) {
            LOG.warnf("Ignoring submission %d of application %s: its case is %s", event.submission(),
                    event.applicationId(), existing.get().status);
            return existing.get();
        }
        ReviewCase c = existing.orElseGet(() -> {
            ReviewCase created = new ReviewCase();
            created.id = UUID.randomUUID();
            created.applicationId = event.applicationId();
            created.createdAt = clock.instant();
            return created;
        });
        c.leadUnitCreditCode = event.leadUnitCreditCode();
        c.leadUnitName = event.leadUnitName();
        // Art. 5 is judged on the category of the lead-unit projection (registration's own record)
        c.leadUnitCategory = LeadUnitCopy.<LeadUnitCopy>findByIdOptional(event.leadUnitCreditCode())
                .map(unit -> unit.category).orElse(LeadUnitCategory.valueOf(event.leadUnitCategory()));
        c.year = event.year();
        c.applicationName = event.name();
        c.status = ReviewStatus.PENDING;
        c.submissionCount = event.submission();
        c.submittedAt = event.submittedAt();
        c.decidedAt = null;
        c.checks = runChecks(c, event);
        c.holdsSlot = !c.check(CheckName.QUOTA).orElseThrow().failed();
        var resources = event.resourcesCommitted();
        var score = PriorityScore.of(new PriorityScore.Inputs(event.workFoundation(),
                resources == null ? null : resources.yearlyBudget(), resources == null ? null : resources.staff(),
                event.continuityPlan(), event.keyFields(), YearKeyFields.of(event.year())), priority.weights());
        c.textPriority = score.score();
        c.priorityParts = score.parts();
        if (c.panel != null) {
            c.panel = c.panel.withoutScores();
        }
        c.rank();
        c.persist();
        Caller system = new Caller("review-service", Set.of(Roles.REVIEWER), null, Set.of(), null);
        audit.record(system, existing.isPresent() ? "review.rechecked" : "review.opened", AGGREGATE,
                c.id.toString(), summary(c.checks));
        return c;
    }

    private List<CheckResult> runChecks(ReviewCase c, ApplicationSubmitted event) {
        Integer limit = QuotaPolicy.limit(c.leadUnitCategory, AnnualQuota.of(c.year, c.leadUnitCategory));
        int used = quotas.used(c.leadUnitCreditCode, c.id);
        var submittedOn = event.submittedAt().atZone(BanService.BEIJING).toLocalDate();
        return List.of(
                ReviewChecks.eligibility(c.leadUnitCategory),
                ReviewChecks.ban(Ban.inForce(c.leadUnitCreditCode, submittedOn)),
                ReviewChecks.quota(c.leadUnitCategory, limit, used, c.year),
                ReviewChecks.completeness(event));
    }

    /**
     * Registration decides between a withdrawal and an approval racing each other: it announces a withdrawal only
     * while the application is still pending there, and then ignores the decision. So a withdrawal arriving after
     * this case was approved means the approval lost — the case is withdrawn and its quota slot freed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onApplicationWithdrawn(ApplicationWithdrawn event, EventEnvelope envelope) {
        ReviewCase.forApplication(event.applicationId()).ifPresent(c -> {
            if (c.status == ReviewStatus.PENDING || c.status == ReviewStatus.CHANGES_REQUESTED
                    || c.status == ReviewStatus.APPROVED) {
                c.status = ReviewStatus.WITHDRAWN;
                c.holdsSlot = false;
                audit.record(new Caller(envelope.producer(), Set.of(Roles.LEAD_UNIT), event.leadUnitCreditCode(),
                        Set.of(), null), "review.withdrawn", AGGREGATE, c.id.toString(), null);
            }
        });
    }

    /** A reviewer takes the case, as a panel of one they chair; nobody reviews their own organisation. */
    public Optional<ReviewView> claim(Caller caller, UUID id) {
        return ReviewCase.<ReviewCase>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(c -> {
            requireNoConflictOfInterest(caller, c);
            requirePending(c);
            if (c.claimedBy != null && !c.claimedBy.equals(caller.subject())) {
                throw ProblemException.conflict("already-claimed", Text.of("review.already-claimed", c.claimedBy));
            }
            requireNotRecused(c, caller.subject());
            if (c.panel == null || !caller.subject().equals(c.panel.chair())) {
                c.panel = Panel.single(caller.subject(), c.panel);
                c.rank();
            }
            c.claimedBy = caller.subject();
            c.claimedAt = clock.instant();
            audit.record(caller, "review.claimed", AGGREGATE, id.toString(), null);
            return changed(caller, c);
        });
    }

    /** An operator gives the case to one reviewer: a panel of one, deciding as a claimant does. */
    public Optional<ReviewView> reassign(Caller caller, UUID id, String reviewer) {
        return ReviewCase.<ReviewCase>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(c -> {
            requirePending(c);
            requireNotRecused(c, reviewer);
            c.panel = Panel.single(reviewer, c.panel);
            c.rank();
            c.claimedBy = reviewer;
            c.claimedAt = clock.instant();
            audit.record(caller, "review.reassigned", AGGREGATE, id.toString(), "to " + reviewer);
            outbox.append(new ReviewCaseAssigned(c.id, c.applicationId, reviewer, caller.subject(), c.claimedAt));
            return changed(caller, c);
        });
    }

    /**
     * An operator appoints the case's panel (1 to 5 reviewers, one the chair) while it is undecided, or replaces it:
     * members who stay keep their scores, those added are told ({@code review.case-assigned}).
     */
    public Optional<ReviewView> appointPanel(Caller caller, UUID id, List<String> reviewers, String chair) {
        List<String> members = reviewers.stream().map(String::strip).toList();
        if (new HashSet<>(members).size() != members.size()) {
            throw ProblemException.invalid("reviewers", Text.of("review.panel.duplicate"));
        }
        if (!members.contains(chair.strip())) {
            throw ProblemException.invalid("chair", Text.of("review.panel.chair-not-member"));
        }
        return ReviewCase.<ReviewCase>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(c -> {
            if (c.status != ReviewStatus.PENDING && c.status != ReviewStatus.CHANGES_REQUESTED) {
                throw ProblemException.conflict("not-pending", Text.of("review.not-pending", statusText(c.status)));
            }
            for (String member : members) {
                requireNotRecused(c, member);
            }
            Panel before = c.panel;
            c.panel = Panel.appointed(members, chair.strip(), before);
            c.rank();
            Instant now = clock.instant();
            if (!c.panel.chair().equals(c.claimedBy)) {
                c.claimedBy = c.panel.chair();
                c.claimedAt = now;
            }
            audit.record(caller, "review.panel-appointed", AGGREGATE, id.toString(),
                    "chair " + c.panel.chair() + "; members " + String.join(", ", members));
            for (String added : c.panel.addedSince(before)) {
                outbox.append(new ReviewCaseAssigned(c.id, c.applicationId, added, caller.subject(), now));
            }
            return changed(caller, c);
        });
    }

    /** What became of a member's score sheet: their scores kept, or their declared conflict of interest recorded. */
    public sealed interface Scoring {
        record Scored(ReviewView view) implements Scoring {
        }

        record Recused() implements Scoring {
        }
    }

    /**
     * A panel member scores the case for themself (again, to revise, until it is decided). Declaring a conflict of
     * interest instead recuses them: recorded, and answered as a conflict once committed.
     */
    public Optional<Scoring> score(Caller caller, UUID id, ReviewDtos.ScoreSheet sheet) {
        return ReviewCase.<ReviewCase>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(c -> {
            requirePending(c);
            requireNoConflictOfInterest(caller, c);
            if (c.panel == null || !c.panel.hasMember(caller.subject())) {
                throw ProblemException.forbidden(Text.of("review.not-on-panel"));
            }
            requireNotRecused(c, caller.subject());
            Instant now = clock.instant();
            if (!Boolean.TRUE.equals(sheet.noConflict())) {
                c.panel = c.panel.withRecusal(caller.subject(), now);
                c.rank();
                audit.record(caller, "review.recused", AGGREGATE, id.toString(), "declared a conflict of interest");
                return new Scoring.Recused();
            }
            Map<String, Integer> scores = ScoreRules.validated(sheet.scores());
            String comment = ScoreRules.comment(sheet.comment());
            c.panel = c.panel.withScores(caller.subject(), scores, comment, now);
            c.rank();
            audit.record(caller, "review.scored", AGGREGATE, id.toString(), scores + " " + comment);
            return new Scoring.Scored(changed(caller, c));
        });
    }

    public Optional<ReviewView> decide(Caller caller, UUID id, ReviewDecided.Decision decision, String reason,
            Long version) {
        return ReviewCase.<ReviewCase>findByIdOptional(id).map(c -> {
            requirePending(c);
            if (version != null && version != c.version) {
                throw ProblemException.conflict("stale-version", Text.of("review.stale-version", c.version, version));
            }
            if (!caller.subject().equals(c.claimedBy)) {
                throw ProblemException.forbidden(c.claimedBy == null ? Text.of("review.claim-first")
                        : c.panel != null && c.panel.members().size() > 1
                        ? Text.of("review.chair-decides", c.claimedBy)
                        : Text.of("review.claimant-decides", c.claimedBy));
            }
            // checked again when deciding: an operator may have assigned the case to someone of the applicant
            requireNoConflictOfInterest(caller, c);
            if (c.panel != null) {
                requireNotRecused(c, caller.subject());
                if (c.panel.scoringRequired() && !c.panel.awaiting().isEmpty()) {
                    throw ProblemException.conflict("scores-missing",
                            Text.of("review.scores-missing", String.join("、", c.panel.awaiting())));
                }
            }
            List<CheckOverride> overrides = new ArrayList<>();
            if (decision == ReviewDecided.Decision.APPROVED) {
                overrides = approvalOverrides(c, reason);
            }
            Instant now = clock.instant();
            c.status = switch (decision) {
                case APPROVED -> ReviewStatus.APPROVED;
                case REJECTED -> ReviewStatus.REJECTED;
                case CHANGES_REQUESTED -> ReviewStatus.CHANGES_REQUESTED;
            };
            if (decision == ReviewDecided.Decision.REJECTED) {
                c.holdsSlot = false;
            }
            if (decision == ReviewDecided.Decision.APPROVED && !overrides.isEmpty()) {
                c.holdsSlot = true;
            }
            c.decidedAt = decision == ReviewDecided.Decision.CHANGES_REQUESTED ? null : now;
            c.decisionReasons = reason == null || reason.isBlank() ? List.of() : List.of(reason.strip());
            c.overrides = overrides;
            audit.record(caller, "review." + decision.name().toLowerCase().replace('_', '-'), AGGREGATE,
                    id.toString(), reason);
            for (CheckOverride override : overrides) {
                audit.record(caller, "review.check-overridden", AGGREGATE, id.toString(),
                        override.check() + ": " + override.reason());
            }
            outbox.append(new ReviewDecided(c.id, c.applicationId, c.leadUnitCreditCode, decision, c.decisionReasons,
                    caller.subject(), now, overrides));
            return changed(caller, c);
        });
    }

    /** A failed ban or completeness check blocks approval; a failed eligibility or quota check needs a written reason. */
    private static List<CheckOverride> approvalOverrides(ReviewCase c, String reason) {
        // the absolute checks first: no reason, however long, approves a banned or incomplete application
        for (CheckResult check : c.checks) {
            if (check.failed() && !check.name().overridable()) {
                throw ProblemException.conflict("check-not-overridable",
                        Text.of("review.check-not-overridable", checkText(check.name()), check.detail()));
            }
        }
        List<CheckOverride> overrides = new ArrayList<>();
        for (CheckResult check : c.checks) {
            if (!check.failed()) {
                continue;
            }
            int length = reason == null ? 0 : reason.strip().codePointCount(0, reason.strip().length());
            if (length < OVERRIDE_REASON_MIN) {
                throw ProblemException.invalid("reason", check.name() == CheckName.ELIGIBILITY
                        ? Text.of("review.override-reason.eligibility", checkText(check.name()), OVERRIDE_REASON_MIN,
                                length)
                        : Text.of("review.override-reason", checkText(check.name()), OVERRIDE_REASON_MIN, length));
            }
            overrides.add(new CheckOverride(check.name().name(), reason.strip()));
        }
        return overrides;
    }

    /** Art. 3: nobody reviews their own organisation. */
    private static void requireNoConflictOfInterest(Caller caller, ReviewCase c) {
        if (caller.actsFor(c.leadUnitCreditCode)) {
            throw ProblemException.forbidden(Text.of("review.conflict-of-interest"));
        }
    }

    /** A reviewer who declared a conflict of interest on the case neither scores, decides, nor returns to its panel. */
    private static void requireNotRecused(ReviewCase c, String reviewer) {
        if (c.panel != null && c.panel.isRecused(reviewer)) {
            throw ProblemException.conflict("recused", Text.of("review.recused", reviewer));
        }
    }

    private static void requirePending(ReviewCase c) {
        if (c.status != ReviewStatus.PENDING) {
            throw ProblemException.conflict("not-pending", c.status == ReviewStatus.CHANGES_REQUESTED
                    ? Text.of("review.awaiting-resubmission") : Text.of("review.not-pending", statusText(c.status)));
        }
    }

    /** A check's name inside a problem's words. */
    static Text checkText(CheckName name) {
        return switch (name) {
            case ELIGIBILITY -> Text.of("review.check.eligibility");
            case BAN -> Text.of("review.check.ban");
            case QUOTA -> Text.of("review.check.quota");
            case COMPLETENESS -> Text.of("review.check.completeness");
        };
    }

    /** A case's status inside a problem's words. */
    static Text statusText(ReviewStatus status) {
        return switch (status) {
            case PENDING -> Text.of("review.status.pending");
            case APPROVED -> Text.of("review.status.approved");
            case REJECTED -> Text.of("review.status.rejected");
            case WITHDRAWN -> Text.of("review.status.withdrawn");
            case CHANGES_REQUESTED -> Text.of("review.status.changes-requested");
        };
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReviewView> find(Caller caller, UUID id) {
        return ReviewCase.<ReviewCase>findByIdOptional(id).filter(c -> maySee(caller, c)).map(c -> view(caller, c));
    }

    /** The view of a case just changed: flushed first, so its {@code version} is the one a next change must name. */
    private static ReviewView changed(Caller caller, ReviewCase c) {
        ReviewCase.flush();
        return view(caller, c);
    }

    private static ReviewView view(Caller caller, ReviewCase c) {
        return ReviewView.of(c, new ScoreVisibility(caller, c));
    }

    private static boolean maySee(Caller caller, ReviewCase c) {
        return caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR) || caller.actsFor(c.leadUnitCreditCode);
    }

    public record ReviewFilter(ReviewStatus status, Integer year, LeadUnitCategory category, String leadUnit,
            UUID applicationId) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReviewView> list(Caller caller, ReviewFilter f, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = where(caller, f, params);
        return Page.of(ReviewCase.<ReviewCase>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), page.sort(), params),
                page, (ReviewCase c) -> view(caller, c));
    }

    /** Every case the list's filters match, as a stream (for the export); call it inside a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stream<ReviewCase> all(Caller caller, ReviewFilter f, Sort sort) {
        Parameters params = new Parameters();
        return Listing.all(ReviewCase.class, where(caller, f, params), params, sort);
    }

    private static List<String> where(Caller caller, ReviewFilter f, Parameters params) {
        List<String> where = new ArrayList<>();
        if (!caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR)) {
            where.add("leadUnitCreditCode = :own");
            params.and("own", caller.org() == null ? "" : caller.org());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.year() != null) {
            where.add("year = :year");
            params.and("year", f.year());
        }
        if (f.category() != null) {
            where.add("leadUnitCategory = :category");
            params.and("category", f.category());
        }
        if (f.leadUnit() != null && !f.leadUnit().isBlank()) {
            where.add("leadUnitCreditCode = :leadUnit");
            params.and("leadUnit", f.leadUnit().trim().toUpperCase());
        }
        if (f.applicationId() != null) {
            where.add("applicationId = :applicationId");
            params.and("applicationId", f.applicationId());
        }
        return where;
    }

    private static String summary(List<CheckResult> checks) {
        return checks.stream().map(c -> c.name() + "=" + (c.passed() == null ? "undetermined" : c.passed()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
