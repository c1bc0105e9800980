package cn.org.kczg.teams.registration.leadunit;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.LeadUnitView;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.RegisterLeadUnit;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Art. 5: registering lead units and who may see them. */
@ApplicationScoped
@Transactional
public class LeadUnitService {
    static final String AGGREGATE = "lead-unit";

    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    /** A lead unit registers only itself; an operator registers anyone. */
    public LeadUnitView register(Caller caller, RegisterLeadUnit request) {
        String creditCode = CreditCode.parse(request.creditCode()).code(); // checked by @ValidCreditCode
        if (!caller.is(Roles.OPERATOR) && !caller.actsFor(creditCode)) {
            throw ProblemException.forbidden(Text.of("lead-unit.own-only", caller.org()));
        }
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
        outbox.append(new LeadUnitRegistered(creditCode, unit.name, unit.category.name()));
        return LeadUnitView.of(unit);
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
