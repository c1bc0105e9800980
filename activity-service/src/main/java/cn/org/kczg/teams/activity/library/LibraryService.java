package cn.org.kczg.teams.activity.library;

import cn.org.kczg.teams.activity.team.TeamAccess;
import cn.org.kczg.teams.activity.team.TeamCopy;
import cn.org.kczg.teams.events.activity.LibraryEntryChanged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.OwnObjects;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The three libraries (Art. 12): teams draft and submit, operators or reviewers publish or reject. */
@ApplicationScoped
@Transactional
public class LibraryService {
    static final String AGGREGATE = "library-entry";

    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public record Draft(@NotNull UUID teamId, @NotNull LibraryEntry.Kind kind, @NotBlank @Size(max = 200) String title,
            @Size(max = 100) String industryField, @Size(max = 100) String region,
            @Size(max = 20_000) String description,
            @Size(max = 500) @Pattern(regexp = "^https://\\S+$", message = "must be an https URL") String repositoryUrl,
            @Size(max = 50) String licence) {
    }

    public record Edit(@Size(min = 1, max = 200) String title, @Size(max = 100) String industryField,
            @Size(max = 100) String region, @Size(max = 20_000) String description,
            @Size(max = 500) @Pattern(regexp = "^https://\\S+$", message = "must be an https URL") String repositoryUrl,
            @Size(max = 50) String licence) {
    }

    public record EntryView(UUID id, UUID teamId, LibraryEntry.Kind kind, String title, String industryField,
            String region, String description, String repositoryUrl, String licence, LibraryEntry.Status status,
            String rejectReason, Instant createdAt, Instant updatedAt, Instant publishedAt, long version) {
        static EntryView of(LibraryEntry e) {
            return new EntryView(e.id, e.teamId, e.kind, e.title, e.industryField, e.region, e.description,
                    e.repositoryUrl, e.licence, e.status, e.rejectReason, e.createdAt, e.updatedAt, e.publishedAt,
                    e.version);
        }
    }

    public EntryView create(Caller caller, Draft d) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(d.teamId())
                .filter(t -> TeamAccess.belongsTo(caller, t.id, t.leadUnitCreditCode))
                .orElseThrow(() -> ProblemException.notFound("No team " + d.teamId() + "."));
        TeamAccess.requireActsFor(caller, team).requireActive();
        LibraryEntry e = new LibraryEntry();
        e.id = UUID.randomUUID();
        e.teamId = team.id;
        e.leadUnitCreditCode = team.leadUnitCreditCode;
        e.kind = d.kind();
        e.title = d.title().strip();
        e.industryField = d.industryField();
        e.region = d.region();
        e.description = d.description();
        e.repositoryUrl = d.repositoryUrl();
        e.licence = d.licence() == null ? null : d.licence().strip();
        checkOpenSource(e);
        e.status = LibraryEntry.Status.DRAFT;
        e.createdAt = clock.instant();
        e.updatedAt = e.createdAt;
        e.persist();
        changed(caller, e, LibraryEntryChanged.CREATED, null);
        return EntryView.of(e);
    }

    public Optional<EntryView> edit(Caller caller, UUID id, Edit edit) {
        return owned(caller, id).map(e -> {
            if (e.status != LibraryEntry.Status.DRAFT && e.status != LibraryEntry.Status.REJECTED) {
                throw ProblemException.conflict("not-editable", "A " + e.status + " entry cannot be edited.");
            }
            if (edit.title() != null) {
                e.title = edit.title().strip();
            }
            e.industryField = pick(edit.industryField(), e.industryField);
            e.region = pick(edit.region(), e.region);
            e.description = pick(edit.description(), e.description);
            e.repositoryUrl = pick(edit.repositoryUrl(), e.repositoryUrl);
            e.licence = pick(edit.licence() == null ? null : edit.licence().strip(), e.licence);
            checkOpenSource(e);
            e.updatedAt = clock.instant();
            changed(caller, e, LibraryEntryChanged.EDITED, null);
            return EntryView.of(e);
        });
    }

    public Optional<EntryView> submit(Caller caller, UUID id) {
        return owned(caller, id).map(e -> {
            move(e, Set.of(LibraryEntry.Status.DRAFT, LibraryEntry.Status.REJECTED), LibraryEntry.Status.SUBMITTED);
            changed(caller, e, LibraryEntryChanged.SUBMITTED, null);
            return EntryView.of(e);
        });
    }

    public Optional<EntryView> publish(Caller caller, UUID id) {
        return LibraryEntry.<LibraryEntry>findByIdOptional(id).map(e -> {
            move(e, Set.of(LibraryEntry.Status.SUBMITTED), LibraryEntry.Status.PUBLISHED);
            e.publishedAt = e.updatedAt;
            e.rejectReason = null;
            changed(caller, e, LibraryEntryChanged.PUBLISHED, null);
            return EntryView.of(e);
        });
    }

    public Optional<EntryView> reject(Caller caller, UUID id, String reason) {
        return LibraryEntry.<LibraryEntry>findByIdOptional(id).map(e -> {
            move(e, Set.of(LibraryEntry.Status.SUBMITTED), LibraryEntry.Status.REJECTED);
            e.rejectReason = reason.strip();
            changed(caller, e, LibraryEntryChanged.REJECTED, reason);
            return EntryView.of(e);
        });
    }

    /** Published entries are for every authenticated caller; the rest for the team and the staff. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EntryView> find(Caller caller, UUID id) {
        return LibraryEntry.<LibraryEntry>findByIdOptional(id).filter(e -> maySee(caller, e)).map(EntryView::of);
    }

    public record LibraryFilter(String q, LibraryEntry.Kind kind, String industryField, String region,
            LibraryEntry.Status status, UUID teamId) {
    }

    /**
     * Substring search on title and description: {@code like} finds a two-character Chinese word such as
     * 芯片 anywhere in the text; the pg_trgm GIN index serves longer queries.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EntryView> search(Caller caller, LibraryFilter f, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!caller.isAny(Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR)) {
            params.and("published", LibraryEntry.Status.PUBLISHED);
            where.add("(status = :published or " + OwnObjects.ofTeams(caller, params, "teamId", "leadUnitCreditCode")
                    + ")");
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("(lower(title) like :q or lower(coalesce(description, '')) like :q)");
            params.and("q", "%" + f.q().strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", f.kind());
        }
        if (f.industryField() != null && !f.industryField().isBlank()) {
            where.add("industryField = :field");
            params.and("field", f.industryField().strip());
        }
        if (f.region() != null && !f.region().isBlank()) {
            where.add("region = :region");
            params.and("region", f.region().strip());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.teamId() != null) {
            where.add("teamId = :teamId");
            params.and("teamId", f.teamId());
        }
        return Page.of(LibraryEntry.<LibraryEntry>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                page.sort(), params), page, EntryView::of);
    }

    private static boolean maySee(Caller caller, LibraryEntry e) {
        return e.status == LibraryEntry.Status.PUBLISHED || caller.isAny(Roles.REVIEWER)
                || TeamAccess.maySee(caller, e.teamId, e.leadUnitCreditCode);
    }

    private Optional<LibraryEntry> owned(Caller caller, UUID id) {
        Optional<LibraryEntry> entry = LibraryEntry.<LibraryEntry>findByIdOptional(id);
        if (entry.isPresent() && !TeamCopy.<TeamCopy>findByIdOptional(entry.get().teamId)
                .filter(team -> TeamAccess.actsFor(caller, team)).isPresent()) {
            if (maySee(caller, entry.get())) {
                throw ProblemException.forbidden("Only the team that owns the entry can change it.");
            }
            return Optional.empty();
        }
        return entry;
    }

    private void move(LibraryEntry e, Set<LibraryEntry.Status> from, LibraryEntry.Status to) {
        if (!from.contains(e.status)) {
            throw ProblemException.conflict("illegal-transition", "A " + e.status + " entry cannot become " + to + ".");
        }
        e.status = to;
        e.updatedAt = clock.instant();
    }

    private static void checkOpenSource(LibraryEntry e) {
        if (e.kind != LibraryEntry.Kind.OPEN_SOURCE) {
            return;
        }
        if (e.repositoryUrl == null || e.repositoryUrl.isBlank()) {
            throw ProblemException.invalid("repositoryUrl", "an open-source entry names its repository (https URL)");
        }
        if (!SpdxLicences.known(e.licence)) {
            throw ProblemException.invalid("licence", "must be an SPDX licence id such as Apache-2.0, MIT or MulanPSL-2.0");
        }
    }

    private void changed(Caller caller, LibraryEntry e, String type, String reason) {
        audit.record(caller, type, AGGREGATE, e.id.toString(), reason);
        outbox.append(new LibraryEntryChanged(type, e.id, e.teamId, e.kind.name(), e.status.name(), reason,
                clock.instant()));
    }

    private static String pick(String given, String stored) {
        return given != null ? given : stored;
    }
}
