package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.registration.ApplicationSubmitted;
import cn.org.kczg.teams.events.registration.ApplicationWithdrawn;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.json.MergePatch;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Listing;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException.FieldText;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.application.ApplicationDtos.ApplicationDraft;
import cn.org.kczg.teams.registration.application.ApplicationDtos.ApplicationView;
import cn.org.kczg.teams.registration.ban.BanCopy;
import cn.org.kczg.teams.registration.leadunit.LeadUnit;
import cn.org.kczg.teams.registration.team.Team;
import cn.org.kczg.teams.registration.team.TeamNames;
import cn.org.kczg.teams.registration.team.TeamService;
import cn.org.kczg.teams.registration.window.RegistrationWindowService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** Team applications from draft to decision (Art. 3–9, 12, 14). */
@ApplicationScoped
@Transactional
public class ApplicationService {
    static final String AGGREGATE = "application";
    private static final Logger LOG = Logger.getLogger(ApplicationService.class);

    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    RegistrationWindowService windows;
    @Inject
    TeamNames names;
    @Inject
    TeamService teams;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;

    public ApplicationView create(Caller caller, ApplicationDraft draft) {
        String creditCode = leadUnitOf(caller, draft.leadUnit());
        LeadUnit unit = LeadUnit.findByCreditCode(creditCode).orElseThrow(() -> ProblemException.conflict(
                "lead-unit-not-registered", Text.of("application.lead-unit-not-registered", creditCode)));
        Instant now = clock.instant();
        TeamApplication application = new TeamApplication();
        application.id = UUID.randomUUID();
        application.leadUnitCreditCode = unit.creditCode;
        application.leadUnitName = unit.name;
        application.leadUnitCategory = unit.category.name();
        application.status = ApplicationStatus.DRAFT;
        application.content = draft.content();
        applyName(application, draft);
        application.createdBy = caller.subject();
        application.createdAt = now;
        application.updatedAt = now;
        application.persist();
        audit.record(caller, "application.created", AGGREGATE, application.id.toString(), null);
        return ApplicationView.of(application);
    }

    /**
     * A JSON Merge Patch (RFC 7396) of an application the lead unit still holds: a member left out stays as it is,
     * {@code null} clears it, arrays are replaced whole. The result is checked as a create is; the lead unit is fixed.
     */
    public Optional<ApplicationView> update(Caller caller, UUID id, JsonNode patch) throws JsonProcessingException {
        Optional<TeamApplication> found = owned(caller, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TeamApplication application = found.get();
        application.requireEditable();
        ApplicationDraft merged = MergePatch.apply(mapper, ApplicationDraft.of(application), patch,
                ApplicationDraft.class);
        Set<ConstraintViolation<Checked>> violations = validator.validate(new Checked(merged));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (merged.leadUnit() == null
                || !merged.leadUnit().trim().equalsIgnoreCase(application.leadUnitCreditCode)) {
            throw ProblemException.invalid("leadUnit", Text.of("application.lead-unit-fixed"));
        }
        if (merged.name() == null) {
            application.name = null;
            application.serviceContent = null;
        }
        applyName(application, merged);
        application.content = merged.content();
        application.updatedAt = clock.instant();
        audit.record(caller, "application.edited", AGGREGATE, id.toString(), null);
        return Optional.of(ApplicationView.of(application));
    }

    /** The merged draft validated as the create's body is (its own name dropped from the field paths). */
    record Checked(@Valid ApplicationDraft patch) {
    }

    /** Art. 3: only inside an open window; complete (every gap listed); the name not taken; Art. 20: not banned. */
    public Optional<ApplicationView> submit(Caller caller, UUID id) {
        return owned(caller, id).map(application -> {
            LocalDate today = LocalDate.now(clock.withZone(BanCopy.BEIJING));
            BanCopy.inForce(application.leadUnitCreditCode, today).ifPresent(ban -> {
                throw ProblemException.conflict("lead-unit-banned", Text.of("application.lead-unit-banned",
                        application.leadUnitCreditCode, ban.since, ban.until.minusDays(1), ban.until));
            });
            int year = windows.requireOpenWindowYear();
            List<FieldText> missing = ApplicationCompleteness.missing(application.name, application.content);
            if (!missing.isEmpty()) {
                throw new ProblemException(400, "incomplete-application",
                        Text.of("application.incomplete", missing.size()), missing);
            }
            Instant now = clock.instant();
            application.moveTo(ApplicationStatus.SUBMITTED, now);
            names.reserve(application.name, application.id);
            application.submissionCount++;
            application.submittedAt = now;
            if (application.year == null) {
                application.year = year;
            }
            audit.record(caller, "application.submitted", AGGREGATE, id.toString(), null);
            outbox.append(submitted(application));
            return ApplicationView.of(application);
        });
    }

    public Optional<ApplicationView> withdraw(Caller caller, UUID id, String reason) {
        return owned(caller, id).map(application -> {
            ApplicationStatus before = application.status;
            application.moveTo(ApplicationStatus.WITHDRAWN, clock.instant());
            names.releaseApplication(id);
            audit.record(caller, "application.withdrawn", AGGREGATE, id.toString(), reason);
            if (before.pending()) {
                outbox.append(new ApplicationWithdrawn(id, application.leadUnitCreditCode, application.year,
                        application.updatedAt));
            }
            return ApplicationView.of(application);
        });
    }

    /** The qualification review decided: approve (→ team), reject, or ask for changes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReviewDecided(ReviewDecided event, EventEnvelope envelope) {
        TeamApplication application = TeamApplication.findById(event.applicationId());
        if (application == null || application.status != ApplicationStatus.SUBMITTED) {
            LOG.warnf("Ignoring %s for application %s: %s", envelope.type(), event.applicationId(),
                    application == null ? "unknown" : "it is " + application.status);
            return;
        }
        Caller reviewer = new Caller(event.reviewer(), Set.of(Roles.REVIEWER), null, Set.of(), null);
        Instant now = clock.instant();
        String reasons = event.reasons() == null ? null : String.join("; ", event.reasons());
        application.decisionReasons = event.reasons();
        switch (event.decision()) {
            case APPROVED -> {
                application.moveTo(ApplicationStatus.APPROVED, now);
                application.decidedAt = now;
                Team team = teams.activate(reviewer, application);
                application.teamId = team.id;
            }
            case REJECTED -> {
                application.moveTo(ApplicationStatus.REJECTED, now);
                application.decidedAt = now;
                names.releaseApplication(application.id);
            }
            case CHANGES_REQUESTED -> application.moveTo(ApplicationStatus.CHANGES_REQUESTED, now);
        }
        audit.record(reviewer, "application." + event.decision().name().toLowerCase().replace('_', '-'),
                AGGREGATE, application.id.toString(), reasons);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApplicationView> find(Caller caller, UUID id) {
        return visible(caller, id).map(ApplicationView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(Caller caller, UUID id) {
        return visible(caller, id).map(a -> audit.history(AGGREGATE, id.toString()));
    }

    public record ApplicationFilter(ApplicationStatus status, Integer year, String leadUnit, String q) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApplicationView> list(Caller caller, ApplicationFilter filter, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = conditions(caller, filter, params);
        return Page.of(TeamApplication.find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), page.sort(),
                params), page, ApplicationView::of);
    }

    /** The same applications as {@link #list}, every one, for an export (in a transaction; close the stream). */
    public Stream<TeamApplication> all(Caller caller, ApplicationFilter filter) {
        Parameters params = new Parameters();
        return Listing.all(TeamApplication.class, conditions(caller, filter, params), params,
                Sort.by("updatedAt").descending().and("id"));
    }

    private static List<String> conditions(Caller caller, ApplicationFilter filter, Parameters params) {
        List<String> where = new ArrayList<>();
        if (!caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR)) {
            where.add("leadUnitCreditCode = :own");
            params.and("own", caller.org() == null ? "" : caller.org());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.year() != null) {
            where.add("year = :year");
            params.and("year", filter.year());
        }
        if (filter.leadUnit() != null && !filter.leadUnit().isBlank()) {
            where.add("leadUnitCreditCode = :leadUnit");
            params.and("leadUnit", filter.leadUnit().trim().toUpperCase());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.add("(lower(name) like :q or lower(leadUnitName) like :q)");
            params.and("q", "%" + filter.q().trim().toLowerCase() + "%");
        }
        return where;
    }

    private Optional<TeamApplication> visible(Caller caller, UUID id) {
        return TeamApplication.<TeamApplication>findByIdOptional(id).filter(a -> caller.isAny(Roles.OPERATOR,
                Roles.REVIEWER, Roles.AUDITOR) || caller.actsFor(a.leadUnitCreditCode));
    }

    /** Another organisation's application does not exist for the caller (404). */
    private Optional<TeamApplication> owned(Caller caller, UUID id) {
        return TeamApplication.<TeamApplication>findByIdOptional(id)
                .filter(a -> caller.is(Roles.OPERATOR) || caller.actsFor(a.leadUnitCreditCode));
    }

    private static String leadUnitOf(Caller caller, String requested) {
        if (caller.is(Roles.OPERATOR)) {
            if (requested == null || requested.isBlank()) {
                throw ProblemException.invalid("leadUnit", Text.of("application.lead-unit-named"));
            }
            return requested.trim().toUpperCase();
        }
        if (caller.org() == null) {
            throw ProblemException.forbidden(Text.of("application.no-org"));
        }
        if (requested != null && !caller.actsFor(requested.trim())) {
            throw ProblemException.forbidden(Text.of("application.own-organisation", caller.org()));
        }
        return caller.org();
    }

    private static void applyName(TeamApplication application, ApplicationDraft draft) {
        if (draft.name() != null) {
            TeamNameRule.TeamName name = TeamNameRule.parse(draft.name())
                    .orElseThrow(() -> ProblemException.invalid("name", TeamNameRule.expectedShape()));
            application.name = name.canonical();
            application.serviceContent = name.serviceContent();
        }
        if (draft.serviceContent() != null && !draft.serviceContent().strip().equals(application.serviceContent)) {
            String brand = "“" + TeamNameRule.BRAND + "”";
            throw ProblemException.invalid("serviceContent", application.serviceContent == null
                    ? Text.of("application.service-content", brand, TeamNameRule.SUFFIX)
                    : Text.of("application.service-content.expected", brand, TeamNameRule.SUFFIX,
                            application.serviceContent));
        }
    }

    private static ApplicationSubmitted submitted(TeamApplication a) {
        ApplicationContent c = a.content;
        return new ApplicationSubmitted(a.id, a.submissionCount, a.year, a.leadUnitCreditCode, a.leadUnitName,
                a.leadUnitCategory, a.name, a.serviceContent, c.categories().stream().map(Enum::name).toList(),
                c.pilotCities(), c.otherRegions() == null ? List.of() : c.otherRegions(), c.keyFields(),
                c.members().size(), (int) c.leaderCount(),
                c.partnerUnits() == null ? 0 : c.partnerUnits().size(), c.handler() != null,
                c.workFoundation(), new ApplicationSubmitted.Resources(c.resourcesCommitted().text(),
                        c.resourcesCommitted().yearlyBudget(), c.resourcesCommitted().staff()),
                c.continuityPlan(), a.submittedAt);
    }
}
