package cn.org.kczg.teams.registration.leadunit;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.LeadUnitUpdated;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.json.MergePatch;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.application.TeamApplication;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.Contact;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.LeadUnitView;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.RegisterLeadUnit;
import cn.org.kczg.teams.registration.team.Team;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Art. 5: registering lead units (the category checked against the credit code) and who may see them. */
@ApplicationScoped
@Transactional
public class LeadUnitService {
    static final String AGGREGATE = "lead-unit";
    /** A category the credit code contradicts is registered only with a written reason of this many characters. */
    public static final int OVERRIDE_REASON_MIN = 20;

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

    /** A lead unit registers only itself; an operator registers anyone. */
    public LeadUnitView register(Caller caller, RegisterLeadUnit request) {
        String creditCode = CreditCode.parse(request.creditCode()).code(); // checked by @ValidCreditCode
        if (!caller.is(Roles.OPERATOR) && !caller.actsFor(creditCode)) {
            throw ProblemException.forbidden(Text.of("lead-unit.own-only", caller.org()));
        }
        String override = checkCategory(caller, creditCode, request.category(), request.categoryOverrideReason());
        if (LeadUnit.findByCreditCode(creditCode).isPresent()) {
            throw ProblemException.conflict("lead-unit-exists",
                    Text.of("lead-unit.exists", creditCode));
        }
        LeadUnit unit = new LeadUnit();
        unit.id = UUID.randomUUID();
        unit.creditCode = creditCode;
        unit.name = request.name().trim();
        unit.category = request.category();
        unit.contactName = request.contact().name().trim();
        unit.contactPhone = request.contact().phone().trim();
        unit.contactEmail = request.contact().email().trim();
        unit.registeredAt = clock.instant();
        unit.registeredBy = caller.subject();
        unit.persistAndFlush();
        audit.record(caller, "lead-unit.registered", AGGREGATE, creditCode, null);
        if (override != null) {
            audit.record(caller, "lead-unit.category-overridden", AGGREGATE, creditCode,
                    unit.category + " with a code of authority " + creditCode.charAt(0) + ": " + override);
        }
        outbox.append(new LeadUnitRegistered(creditCode, unit.name, unit.category.name()));
        return LeadUnitView.of(unit);
    }

    /**
     * Corrects the profile (a merge patch of the registration's body): the unit itself or an operator; the credit code
     * stays. A new category is checked against the code as at registration; a new name or category is announced
     * ({@code lead-unit.updated}) and copied into the unit's teams and undecided applications.
     */
    public Optional<LeadUnitView> update(Caller caller, String creditCode, JsonNode patch)
            throws JsonProcessingException {
        String code = creditCode.trim().toUpperCase();
        if (!caller.is(Roles.OPERATOR) && !caller.actsFor(code)) {
            return Optional.empty();
        }
        Optional<LeadUnit> found = LeadUnit.findByCreditCode(code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LeadUnit unit = found.get();
        RegisterLeadUnit merged = MergePatch.apply(mapper, RegisterLeadUnit.of(unit), patch, RegisterLeadUnit.class);
        Set<ConstraintViolation<Checked>> violations = validator.validate(new Checked(merged));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (!code.equals(merged.creditCode().trim().toUpperCase())) {
            throw ProblemException.invalid("creditCode", Text.of("lead-unit.credit-code-fixed"));
        }
        LeadUnitCategory previous = unit.category;
        String override = merged.category() == previous && merged.categoryOverrideReason() == null ? null
                : checkCategory(caller, code, merged.category(), merged.categoryOverrideReason());
        List<String> changes = new ArrayList<>();
        String name = merged.name().trim();
        if (!name.equals(unit.name)) {
            changes.add("name: " + unit.name + " → " + name);
        }
        if (merged.category() != previous) {
            changes.add("category: " + previous + " → " + merged.category());
        }
        Contact contact = merged.contact();
        if (!contact.name().trim().equals(unit.contactName) || !contact.phone().trim().equals(unit.contactPhone)
                || !contact.email().trim().equals(unit.contactEmail)) {
            changes.add("contact");
        }
        if (changes.isEmpty()) {
            return Optional.of(LeadUnitView.of(unit));
        }
        boolean announced = !name.equals(unit.name) || merged.category() != previous;
        unit.name = name;
        unit.category = merged.category();
        unit.contactName = contact.name().trim();
        unit.contactPhone = contact.phone().trim();
        unit.contactEmail = contact.email().trim();
        audit.record(caller, "lead-unit.updated", AGGREGATE, code, String.join("; ", changes));
        if (override != null) {
            audit.record(caller, "lead-unit.category-overridden", AGGREGATE, code,
                    unit.category + " with a code of authority " + code.charAt(0) + ": " + override);
        }
        if (announced) {
            Team.update("leadUnitName = ?1, leadUnitCategory = ?2 where leadUnitCreditCode = ?3", unit.name,
                    unit.category.name(), code);
            TeamApplication.update("leadUnitName = ?1, leadUnitCategory = ?2 where leadUnitCreditCode = ?3 and "
                    + "decidedAt is null", unit.name, unit.category.name(), code);
            outbox.append(new LeadUnitUpdated(code, unit.name, unit.category.name(), previous.name()));
        }
        return Optional.of(LeadUnitView.of(unit));
    }

    /** The merged profile validated as the registration's body is (its own name dropped from the field paths). */
    record Checked(@Valid RegisterLeadUnit patch) {
    }

    /**
     * The category must be one the credit code's registering authority registers; an operator may register a unit
     * whose category does not fit with a written reason (returned, to be audited), nobody else.
     */
    private static String checkCategory(Caller caller, String creditCode, LeadUnitCategory category, String reason) {
        String stripped = reason == null || reason.isBlank() ? null : reason.strip();
        if (stripped != null && !caller.is(Roles.OPERATOR)) {
            throw ProblemException.forbidden(Text.of("lead-unit.category-override-operator-only"));
        }
        if (RegisteringAuthority.fits(creditCode, category)) {
            return null;
        }
        if (stripped == null) {
            throw ProblemException.invalid("category", Text.of("lead-unit.category-authority",
                    creditCode.charAt(0), authorityText(creditCode), categoryText(category), OVERRIDE_REASON_MIN));
        }
        int length = stripped.codePointCount(0, stripped.length());
        if (length < OVERRIDE_REASON_MIN) {
            throw ProblemException.invalid("categoryOverrideReason",
                    Text.of("lead-unit.category-override-reason", OVERRIDE_REASON_MIN, length));
        }
        return stripped;
    }

    private static Text authorityText(String creditCode) {
        return RegisteringAuthority.of(creditCode).map(authority -> switch (authority) {
            case ESTABLISHMENT -> Text.of("lead-unit.authority.establishment");
            case FOREIGN_AFFAIRS -> Text.of("lead-unit.authority.foreign-affairs");
            case JUSTICE -> Text.of("lead-unit.authority.justice");
            case CULTURE -> Text.of("lead-unit.authority.culture");
            case CIVIL_AFFAIRS -> Text.of("lead-unit.authority.civil-affairs");
            case TOURISM -> Text.of("lead-unit.authority.tourism");
            case RELIGION -> Text.of("lead-unit.authority.religion");
            case TRADE_UNION -> Text.of("lead-unit.authority.trade-union");
            case INDUSTRY_AND_COMMERCE -> Text.of("lead-unit.authority.industry-and-commerce");
            case MILITARY_ESTABLISHMENT -> Text.of("lead-unit.authority.military-establishment");
            case AGRICULTURE -> Text.of("lead-unit.authority.agriculture");
            case OTHER -> Text.of("lead-unit.authority.other");
        }).orElseGet(() -> Text.of("lead-unit.authority.unknown"));
    }

    private static Text categoryText(LeadUnitCategory category) {
        return switch (category) {
            case NATIONAL_SOCIETY -> Text.of("lead-unit.category.national-society");
            case PROVINCIAL_CAST -> Text.of("lead-unit.category.provincial-cast");
            case PROVINCIAL_CAST_AFFILIATE -> Text.of("lead-unit.category.provincial-cast-affiliate");
            case PROVINCIAL_SOCIETY -> Text.of("lead-unit.category.provincial-society");
            case UNIVERSITY_INSTITUTE_ENTERPRISE -> Text.of("lead-unit.category.university-institute-enterprise");
            case CONSORTIUM_INSTITUTION -> Text.of("lead-unit.category.consortium-institution");
            case OTHER -> Text.of("lead-unit.category.other");
        };
    }

    /** Empty when it does not exist or the caller may not know that it does. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LeadUnitView> find(Caller caller, String creditCode) {
        String code = creditCode.trim().toUpperCase();
        if (caller.is(Roles.LEAD_UNIT) && !caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR)
                && !caller.actsFor(code)) {
            return Optional.empty();
        }
        return LeadUnit.findByCreditCode(code).map(LeadUnitView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LeadUnitView> list(Caller caller, LeadUnitCategory category, String nameKeyword, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR)) {
            where.add("creditCode = :own");
            params.and("own", caller.org() == null ? "" : caller.org());
        }
        if (category != null) {
            where.add("category = :category");
            params.and("category", category);
        }
        if (nameKeyword != null && !nameKeyword.isBlank()) {
            where.add("lower(name) like :keyword");
            params.and("keyword", "%" + nameKeyword.trim().toLowerCase().replace("%", "\\%") + "%");
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return Page.of(LeadUnit.find(query, page.sort(), params), page, LeadUnitView::of);
    }
}
