package cn.org.kczg.teams.evaluation.indicator;

import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.audit.HistoryEntry;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Creating, replacing and publishing indicator systems (Art. 18). */
@ApplicationScoped
@Transactional
public class IndicatorSystemService {
    static final String AGGREGATE = "indicator-system";

    @Inject
    AuditTrail audit;
    @Inject
    TransactionLocks locks;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Schema(name = "IndicatorDimensionView", description = "One dimension of an indicator system with its indicators.")
    public record DimensionView(
            @Schema(description = "The dimension.", required = true) Dimension dimension,
            @Schema(description = "The dimension in Chinese.", required = true, example = "组织运行") String label,
            @Schema(description = "The sum of its indicators' weights.", required = true, example = "30")
            BigDecimal weight,
            @Schema(description = "Its indicators, in the system's order.", required = true)
            List<Indicator> indicators) {
    }

    @Schema(name = "IndicatorSystemView", description = "One version of a year's indicator system (Art. 18), its "
            + "indicators grouped by dimension.")
    public record IndicatorSystemView(
            @Schema(description = "The version's id.", required = true) UUID id,
            @Schema(description = "The year it assesses.", required = true, example = "2026") int year,
            @Schema(description = "The version within the year, counting up from 1.", required = true, example = "1")
            int version,
            @Schema(description = "The system's name.", required = true, example = "2026年度科技服务团绩效评价指标体系")
            String name,
            @Schema(description = "Draft or published.", required = true) IndicatorSystem.Status status,
            @Schema(description = "True for the platform's shipped default system.", required = true)
            boolean isDefault,
            @Schema(description = "The three dimensions with their indicators.", required = true)
            List<DimensionView> dimensions,
            @Schema(description = "Its penalties.", required = true) List<Penalty> penalties,
            @Schema(description = "The lowest total of each grade.", required = true) GradeBands gradeBands,
            @Schema(description = "This many upheld fee violations rate a team POOR whatever its score.",
                    required = true, example = "2") int feeViolationVeto,
            @Schema(description = "Who created the version.") String createdBy,
            @Schema(description = "When the version was created.") Instant createdAt,
            @Schema(description = "Who published it; absent while DRAFT.") String publishedBy,
            @Schema(description = "When it was published; absent while DRAFT.") Instant publishedAt) {

        static IndicatorSystemView of(IndicatorSystem s) {
            List<DimensionView> dimensions = Arrays.stream(Dimension.values()).map(d -> {
                List<Indicator> indicators = s.indicators.stream().filter(i -> i.dimension() == d).toList();
                return new DimensionView(d, d.label, indicators.stream().map(Indicator::weight)
                        .reduce(BigDecimal.ZERO, BigDecimal::add), indicators);
            }).toList();
            return new IndicatorSystemView(s.id, s.year, s.version, s.name, s.status, s.isDefault, dimensions, s.penalties,
                    s.gradeBands(), s.feeViolationVeto, s.createdBy, s.createdAt, s.publishedBy, s.publishedAt);
        }
    }

    /** A new draft version for the year (versions count up per year). */
    public IndicatorSystemView create(Caller caller, SystemDraft draft) {
        IndicatorSystemRules.check(draft);
        // one creator per year at a time, so two drafts cannot take the same version number
        locks.lock("indicator-system:" + draft.year());
        Integer latest = (Integer) em.createNativeQuery("select max(version) from indicator_system where year = :y")
                .setParameter("y", draft.year()).getSingleResult();
        IndicatorSystem s = new IndicatorSystem();
        s.id = UUID.randomUUID();
        s.year = draft.year();
        s.version = latest == null ? 1 : latest + 1;
        s.status = IndicatorSystem.Status.DRAFT;
        s.createdBy = caller.subject();
        s.createdAt = clock.instant();
        apply(s, draft);
        s.persist();
        audit.record(caller, "indicator-system.created", AGGREGATE, s.id.toString(), null);
        return IndicatorSystemView.of(s);
    }

    public Optional<IndicatorSystemView> replace(Caller caller, UUID id, SystemDraft draft) {
        IndicatorSystemRules.check(draft);
        return IndicatorSystem.<IndicatorSystem>findByIdOptional(id).map(s -> {
            requireDraft(s);
            if (s.year != draft.year()) {
                throw ProblemException.invalid("year", Text.of("indicator-system.year-kept", s.year));
            }
            apply(s, draft);
            audit.record(caller, "indicator-system.replaced", AGGREGATE, s.id.toString(), null);
            return IndicatorSystemView.of(s);
        });
    }

    public Optional<IndicatorSystemView> publish(Caller caller, UUID id) {
        return IndicatorSystem.<IndicatorSystem>findByIdOptional(id).map(s -> {
            requireDraft(s);
            s.status = IndicatorSystem.Status.PUBLISHED;
            s.publishedBy = caller.subject();
            s.publishedAt = clock.instant();
            audit.record(caller, "indicator-system.published", AGGREGATE, s.id.toString(), null);
            return IndicatorSystemView.of(s);
        });
    }

    public boolean deleteDraft(Caller caller, UUID id) {
        return IndicatorSystem.<IndicatorSystem>findByIdOptional(id).map(s -> {
            requireDraft(s);
            s.delete();
            audit.record(caller, "indicator-system.deleted", AGGREGATE, s.id.toString(), null);
            return true;
        }).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(UUID id) {
        return IndicatorSystem.<IndicatorSystem>findByIdOptional(id).map(s -> audit.history(AGGREGATE, id.toString()));
    }

    /** A draft only for staff ({@code drafts}): to everyone else a system exists once it is published. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IndicatorSystemView> find(UUID id, boolean drafts) {
        return IndicatorSystem.<IndicatorSystem>findByIdOptional(id)
                .filter(s -> drafts || s.status != IndicatorSystem.Status.DRAFT).map(IndicatorSystemView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IndicatorSystemView> list(Integer year, IndicatorSystem.Status status, boolean drafts, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!drafts) {
            where.add("status <> :draft");
            params.and("draft", IndicatorSystem.Status.DRAFT);
        }
        if (year != null) {
            where.add("year = :year");
            params.and("year", year);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        return Page.of(IndicatorSystem.<IndicatorSystem>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                page.sort(), params), page, IndicatorSystemView::of);
    }

    private static void requireDraft(IndicatorSystem s) {
        if (s.status != IndicatorSystem.Status.DRAFT) {
            throw ProblemException.conflict("published", Text.of("indicator-system.published", s.year, s.version));
        }
    }

    private static void apply(IndicatorSystem s, SystemDraft draft) {
        s.name = draft.name().strip();
        s.indicators = List.copyOf(draft.indicators());
        s.penalties = draft.penalties() == null ? List.of() : List.copyOf(draft.penalties());
        GradeBands bands = draft.gradeBands() == null ? GradeBands.DEFAULT : draft.gradeBands();
        s.excellentMin = bands.excellent();
        s.goodMin = bands.good();
        s.passMin = bands.pass();
        s.feeViolationVeto = draft.feeViolationVeto() == null ? SystemDraft.DEFAULT_FEE_VIOLATION_VETO
                : draft.feeViolationVeto();
    }
}
