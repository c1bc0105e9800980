package cn.org.kczg.teams.registration.imports;

import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.registration.application.ApplicationContent;
import cn.org.kczg.teams.registration.application.ApplicationStatus;
import cn.org.kczg.teams.registration.application.TeamApplication;
import cn.org.kczg.teams.registration.imports.ImportDtos.ImportView;
import cn.org.kczg.teams.registration.leadunit.LeadUnit;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.Contact;
import cn.org.kczg.teams.registration.leadunit.LeadUnitDtos.RegisterLeadUnit;
import cn.org.kczg.teams.registration.leadunit.LeadUnitService;
import cn.org.kczg.teams.registration.team.TeamNames;
import cn.org.kczg.teams.registration.team.TeamService;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issue 21: imports existing lead units and teams (Art. 4, 5) the way registration makes them — a lead unit through
 * {@link LeadUnitService#register} ({@code lead-unit.registered}), a team as an approved application activated by
 * {@link TeamService#activate} ({@code team.activated}, the same payload) — so review, activity and evaluation learn
 * of them. Idempotent on the credit code and the team name: what is registered as the file says is left as it is.
 */
@ApplicationScoped
@Transactional
public class ImportService {
    static final String AGGREGATE = "import";
    static final String LOCK = "data-import";
    /** Rows per transaction of a real run. */
    static final int BATCH = 500;
    private static final int CHUNK = 1_000;
    private static final List<String> LIVE = List.of("ACTIVE", "SUSPENDED");

    @Inject
    LeadUnitService leadUnits;
    @Inject
    TeamService teams;
    @Inject
    TeamNames names;
    @Inject
    AuditTrail audit;
    @Inject
    TransactionLocks locks;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** The file checked by the rules and against what is registered (a lead unit or team name that differs). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportPlan plan(Path path) {
        ImportFile file = ImportFile.read(path);
        ImportRowRules.Checked checked = ImportRowRules.check(file.lines());
        List<ImportProblem> problems = new ArrayList<>(checked.problems());
        Map<String, LeadUnit> units = existingUnits(checked.valid().stream().map(r -> r.unit().creditCode())
                .distinct().toList());
        Map<String, String> liveTeams = new HashMap<>();
        Set<String> pending = new HashSet<>();
        existingNames(checked.valid().stream().map(r -> r.team().name()).toList(), liveTeams, pending);
        List<ImportRow> valid = new ArrayList<>();
        Set<String> newUnits = new HashSet<>();
        Set<String> unchangedUnits = new HashSet<>();
        int newTeams = 0;
        int unchangedTeams = 0;
        for (ImportRow row : checked.valid()) {
            List<ImportProblem> own = new ArrayList<>();
            LeadUnit unit = units.get(row.unit().creditCode());
            if (unit != null) {
                if (!unit.name.equals(row.unit().name())) {
                    own.add(ImportProblem.of(row.line(), ImportColumn.UNIT_NAME,
                            Text.of("import.unit.registered-differently", unit.name)));
                }
                if (unit.category != row.unit().category()) {
                    own.add(ImportProblem.of(row.line(), ImportColumn.UNIT_CATEGORY,
                            Text.of("import.unit.registered-differently", ImportLabels.label(unit.category))));
                }
            }
            String holder = liveTeams.get(row.team().name());
            if (holder != null && !holder.equals(row.unit().creditCode())) {
                own.add(ImportProblem.of(row.line(), ImportColumn.TEAM_NAME, Text.of("import.team.taken", holder)));
            } else if (pending.contains(row.team().name())) {
                own.add(ImportProblem.of(row.line(), ImportColumn.TEAM_NAME, Text.of("import.team.pending")));
            }
            problems.addAll(own);
            if (!own.isEmpty()) {
                continue;
            }
            valid.add(row);
            (unit == null ? newUnits : unchangedUnits).add(row.unit().creditCode());
            if (holder == null) {
                newTeams++;
            } else {
                unchangedTeams++;
            }
        }
        problems.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row())
                : Integer.compare(columnOrder(a.column()), columnOrder(b.column())));
        return new ImportPlan(file, checked.rows(), valid, problems, newUnits.size(), newTeams,
                unchangedUnits.size(), unchangedTeams);
    }

    private static int columnOrder(String header) {
        return ImportColumn.ofHeader(header).map(Enum::ordinal).orElse(-1);
    }

    private Map<String, LeadUnit> existingUnits(List<String> codes) {
        Map<String, LeadUnit> found = new HashMap<>();
        for (int from = 0; from < codes.size(); from += CHUNK) {
            LeadUnit.<LeadUnit>list("creditCode in ?1", codes.subList(from, Math.min(from + CHUNK, codes.size())))
                    .forEach(u -> found.put(u.creditCode, u));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private void existingNames(List<String> teamNames, Map<String, String> live, Set<String> pending) {
        for (int from = 0; from < teamNames.size(); from += CHUNK) {
            List<String> chunk = teamNames.subList(from, Math.min(from + CHUNK, teamNames.size()));
            List<Object[]> teams = em.createNativeQuery("select name, lead_unit_credit_code from team "
                    + "where name in (:names) and status in (:live)").setParameter("names", chunk)
                    .setParameter("live", LIVE).getResultList();
            teams.forEach(t -> live.put((String) t[0], (String) t[1]));
            pending.addAll(em.createNativeQuery("select name from team_name where team_id is null and name in (:names)")
                    .setParameter("names", chunk).getResultList());
        }
    }

    /** Keeps the record of a dry run (CHECKED) or of a real run refused for its problems (REJECTED). */
    public ImportView recordChecked(Caller caller, ImportPlan plan, String fileName, boolean dryRun) {
        DataImport record = record(caller, plan, fileName, dryRun, dryRun ? ImportStatus.CHECKED
                : ImportStatus.REJECTED);
        record.finishedAt = record.createdAt;
        audit.record(caller, dryRun ? "import.checked" : "import.rejected", AGGREGATE, record.id.toString(),
                plan.rows() + " rows, " + plan.problems().size() + " problems");
        return ImportView.of(record, null, clock.instant());
    }

    /** Keeps the record of a real run about to start (RUNNING, nothing created yet). */
    public ImportView recordStarted(Caller caller, ImportPlan plan, String fileName) {
        DataImport record = record(caller, plan, fileName, false, ImportStatus.RUNNING);
        record.leadUnitsCreated = 0;
        record.teamsCreated = 0;
        record.leadUnitsUnchanged = 0;
        record.teamsUnchanged = 0;
        audit.record(caller, "import.started", AGGREGATE, record.id.toString(), plan.rows() + " rows");
        return ImportView.of(record, null, clock.instant());
    }

    private DataImport record(Caller caller, ImportPlan plan, String fileName, boolean dryRun, ImportStatus status) {
        DataImport record = new DataImport();
        record.id = UUID.randomUUID();
        record.dryRun = dryRun;
        record.status = status;
        record.fileName = fileName;
        record.fileFormat = plan.file().format().name();
        record.fileSha256 = plan.file().sha256();
        record.rows = plan.rows();
        record.valid = plan.valid().size();
        record.problems = plan.problems().size();
        record.leadUnitsCreated = plan.newUnits();
        record.teamsCreated = plan.newTeams();
        record.leadUnitsUnchanged = plan.unchangedUnits();
        record.teamsUnchanged = plan.unchangedTeams();
        record.createdBy = caller.subject();
        record.createdAt = clock.instant();
        record.persist();
        return record;
    }

    /**
     * One batch of a real run, in its own transaction: imports run one batch at a time across instances (an advisory
     * lock), and each row is looked up again, so what another import or a registration made meanwhile is left as it is
     * ({@code seen}: the credit codes counted already). A name a different lead unit took meanwhile stops the run.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void importBatch(Caller caller, UUID importId, List<ImportRow> rows, Set<String> seen) {
        locks.lock(LOCK);
        Set<String> registered = new HashSet<>(existingUnits(rows.stream().map(r -> r.unit().creditCode())
                .distinct().toList()).keySet());
        Map<String, String> live = new HashMap<>();
        existingNames(rows.stream().map(r -> r.team().name()).toList(), live, new HashSet<>());
        Instant now = clock.instant();
        int unitsCreated = 0;
        int unitsUnchanged = 0;
        int teamsCreated = 0;
        int teamsUnchanged = 0;
        for (ImportRow row : rows) {
            String code = row.unit().creditCode();
            if (seen.add(code)) {
                if (registered.contains(code)) {
                    unitsUnchanged++;
                } else {
                    ImportRow.Unit u = row.unit();
                    leadUnits.register(caller, new RegisterLeadUnit(code, u.name(), u.category(),
                            new Contact(u.contactName(), u.contactPhone(), u.contactEmail()), null));
                    unitsCreated++;
                }
            }
            String holder = live.get(row.team().name());
            if (holder != null) {
                if (!holder.equals(code)) {
                    throw ProblemException.conflict("name-taken", Text.of("team.name-taken", row.team().name()));
                }
                teamsUnchanged++;
            } else {
                TeamApplication application = approvedApplication(caller, row, now);
                audit.record(caller, "application.imported", "application", application.id.toString(),
                        "import " + importId);
                names.reserve(application.name, application.id);
                application.teamId = teams.activate(caller, application).id;
                teamsCreated++;
            }
            // what a row wrote is not looked at again: keep the session small, so each flush checks little
            em.flush();
            em.clear();
        }
        DataImport record = DataImport.findById(importId);
        record.leadUnitsCreated += unitsCreated;
        record.leadUnitsUnchanged += unitsUnchanged;
        record.teamsCreated += teamsCreated;
        record.teamsUnchanged += teamsUnchanged;
        record.progressAt = clock.instant();
    }

    /** The application an imported team would have come from: approved, with what the file says of the team. */
    private static TeamApplication approvedApplication(Caller caller, ImportRow row, Instant now) {
        ImportRow.Team t = row.team();
        TeamApplication a = new TeamApplication();
        a.id = UUID.randomUUID();
        a.leadUnitCreditCode = row.unit().creditCode();
        a.leadUnitName = row.unit().name();
        a.leadUnitCategory = row.unit().category().name();
        a.name = t.name();
        a.serviceContent = t.serviceContent();
        a.status = ApplicationStatus.APPROVED;
        a.year = t.year();
        a.content = new ApplicationContent(t.categories(), t.pilotCities(), t.otherRegions(), t.keyFields(), null,
                null, null, null, null, null, List.of(t.leader()), List.of(), t.handler());
        a.decisionReasons = List.of("存量数据导入");
        a.createdBy = caller.subject();
        a.createdAt = now;
        a.updatedAt = now;
        a.submittedAt = now;
        a.decidedAt = now;
        a.persist();
        return a;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(Caller caller, UUID importId, String failure) {
        DataImport record = DataImport.findById(importId);
        record.status = failure == null ? ImportStatus.DONE : ImportStatus.FAILED;
        record.failure = failure;
        record.finishedAt = clock.instant();
        audit.record(caller, failure == null ? "import.done" : "import.failed", AGGREGATE, importId.toString(),
                failure == null ? record.leadUnitsCreated + " lead units and " + record.teamsCreated
                        + " teams created" : failure);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ImportView> find(UUID id) {
        Instant now = clock.instant();
        return DataImport.<DataImport>findByIdOptional(id).map(i -> ImportView.of(i, null, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ImportView> list(Boolean dryRun, ImportStatus status, PageRequest page) {
        Instant now = clock.instant();
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (dryRun != null) {
            where.add("dryRun = :dryRun");
            params.and("dryRun", dryRun);
        }
        if (status == ImportStatus.RUNNING || status == ImportStatus.FAILED) {
            // as the view shows them: a stalled RUNNING import is FAILED
            String stalled = "(status = :running and coalesce(progressAt, createdAt) < :cutoff)";
            where.add(status == ImportStatus.RUNNING ? "(status = :running and not " + stalled + ")"
                    : "(status = :failed or " + stalled + ")");
            params.and("running", ImportStatus.RUNNING).and("cutoff", now.minus(DataImport.STALLED_AFTER));
            if (status == ImportStatus.FAILED) {
                params.and("failed", ImportStatus.FAILED);
            }
        } else if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        return Page.of(DataImport.find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), page.sort(), params),
                page, (DataImport i) -> ImportView.of(i, null, now));
    }
}
