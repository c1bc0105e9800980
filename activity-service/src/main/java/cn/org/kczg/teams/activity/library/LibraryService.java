package cn.org.kczg.teams.activity.library;

import cn.org.kczg.teams.activity.team.TeamAccess;
import cn.org.kczg.teams.activity.team.TeamCopy;
import cn.org.kczg.teams.events.activity.LibraryEntryChanged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.json.MergePatch;
import cn.org.kczg.teams.kit.outbox.Outbox;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.kit.security.OwnObjects;
import cn.org.kczg.teams.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;

    @Schema(name = "LibraryEntryDraft", description = "A new entry of the problem, project or open-source library "
            + "(Art. 12), created as a DRAFT of the team.")
    public record Draft(
            @Schema(description = "The team the entry belongs to.", required = true) @NotNull UUID teamId,
            @Schema(description = "Which library.", required = true) @NotNull LibraryEntry.Kind kind,
            @Schema(description = "The entry's title.", required = true, example = "工业设备预测性维护算法")
            @NotBlank @Size(max = 200) String title,
            @Schema(description = "The industry field.", example = "智能制造") @Size(max = 100) String industryField,
            @Schema(description = "The region it concerns.", example = "江苏省苏州市") @Size(max = 100) String region,
            @Schema(description = "What the entry is about.", example = "基于振动数据的设备故障预测方法及开源实现。")
            @Size(max = 20_000) String description,
            @Schema(description = "The repository (https URL); required for an open-source entry.",
                    example = "https://gitee.com/example/predictive-maintenance")
            @Size(max = 500) @Pattern(regexp = "^https://\\S+$", message = "{kczg.https-url}") String repositoryUrl,
            @Schema(description = "The SPDX licence id; required for an open-source entry.", example = "MulanPSL-2.0")
            @Size(max = 50) String licence) {
    }

    @Schema(name = "LibraryEntryEdit", description = "Changes to a DRAFT or REJECTED library entry: a field left out "
            + "stays as it is.")
    public record Edit(
            @Schema(description = "The new title.", example = "工业设备预测性维护算法") @NotBlank @Size(max = 200) String title,
            @Schema(description = "The new industry field.", example = "智能制造") @Size(max = 100) String industryField,
            @Schema(description = "The new region.", example = "江苏省苏州市") @Size(max = 100) String region,
            @Schema(description = "The new description.") @Size(max = 20_000) String description,
            @Schema(description = "The new repository (https URL).",
                    example = "https://gitee.com/example/predictive-maintenance")
            @Size(max = 500) @Pattern(regexp = "^https://\\S+$", message = "{kczg.https-url}") String repositoryUrl,
            @Schema(description = "The new SPDX licence id.", example = "Apache-2.0") @Size(max = 50) String licence) {
    }

    @Schema(name = "LibraryEntryView", description = "An entry of the problem, project or open-source library.")
    public record EntryView(
            @Schema(description = "The entry's stable id.", required = true) UUID id,
            @Schema(description = "The team it belongs to.", required = true) UUID teamId,
            @Schema(description = "Which library.", required = true) LibraryEntry.Kind kind,
            @Schema(description = "The title.", required = true, example = "工业设备预测性维护算法") String title,
            @Schema(description = "The industry field.", example = "智能制造") String industryField,
            @Schema(description = "The region it concerns.", example = "江苏省苏州市") String region,
            @Schema(description = "What the entry is about.") String description,
            @Schema(description = "The repository (https URL) of an open-source entry.") String repositoryUrl,
            @Schema(description = "The SPDX licence id of an open-source entry.", example = "MulanPSL-2.0")
            String licence,
            @Schema(description = "Where the entry is.", required = true) LibraryEntry.Status status,
            @Schema(description = "Why it was rejected, while REJECTED.") String rejectReason,
            @Schema(description = "When it was created.", required = true) Instant createdAt,
            @Schema(description = "When it last changed.", required = true) Instant updatedAt,
            @Schema(description = "When it was published.") Instant publishedAt,
            @Schema(description = "The entry's version, raised by every change.", required = true) long version) {
        static EntryView of(LibraryEntry e) {
            return new EntryView(e.id, e.teamId, e.kind, e.title, e.industryField, e.region, e.description,
                    e.repositoryUrl, e.licence, e.status, e.rejectReason, e.createdAt, e.updatedAt, e.publishedAt,
                    e.version);
        }
    }

    public EntryView create(Caller caller, Draft d) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(d.teamId())
                .filter(t -> TeamAccess.belongsTo(caller, t.id, t.leadUnitCreditCode))
                .orElseThrow(() -> ProblemException.notFound(Text.of("team.not-found", d.teamId())));
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

    /**
     * A JSON Merge Patch (RFC 7396) of the entry's editable content ({@link Edit}): a field absent from the patch stays
     * as it is, {@code null} clears it, and the merged content is checked like a create (an unknown field, a cleared
     * title or an over-long text: 400 naming the field). Only the owning team edits, and only a DRAFT or REJECTED entry.
     */
    public Optional<EntryView> edit(Caller caller, UUID id, JsonNode patch) throws JsonProcessingException {
        Optional<LibraryEntry> owned = owned(caller, id);
        if (owned.isEmpty()) {
            return Optional.empty();
        }
        LibraryEntry e = owned.get();
        if (e.status != LibraryEntry.Status.DRAFT && e.status != LibraryEntry.Status.REJECTED) {
            throw ProblemException.conflict("not-editable", Text.of("library.not-editable", e.status));
        }
        Edit current = new Edit(e.title, e.industryField, e.region, e.description, e.repositoryUrl, e.licence);
        Edit edit = MergePatch.apply(mapper, current, patch, Edit.class);
        Set<ConstraintViolation<Edit>> violations = validator.validate(edit);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        e.title = edit.title().strip();
        e.industryField = edit.industryField();
        e.region = edit.region();
        e.description = edit.description();
        e.repositoryUrl = edit.repositoryUrl();
        e.licence = edit.licence() == null ? null : edit.licence().strip();
        checkOpenSource(e);
        e.updatedAt = clock.instant();
        changed(caller, e, LibraryEntryChanged.EDITED, null);
        return Optional.of(EntryView.of(e));
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
            TeamCopy.profileChanged(e.teamId);
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
                throw ProblemException.forbidden(Text.of("library.not-owner"));
            }
            return Optional.empty();
        }
        return entry;
    }

    private void move(LibraryEntry e, Set<LibraryEntry.Status> from, LibraryEntry.Status to) {
        if (!from.contains(e.status)) {
            throw ProblemException.conflict("illegal-transition", Text.of("library.illegal-transition", e.status, to));
        }
        e.status = to;
        e.updatedAt = clock.instant();
    }

    private static void checkOpenSource(LibraryEntry e) {
        if (e.kind != LibraryEntry.Kind.OPEN_SOURCE) {
            return;
        }
        if (e.repositoryUrl == null || e.repositoryUrl.isBlank()) {
            throw ProblemException.invalid("repositoryUrl", Text.of("library.repository-required"));
        }
        if (!SpdxLicences.known(e.licence)) {
            throw ProblemException.invalid("licence", Text.of("library.licence"));
        }
    }

    private void changed(Caller caller, LibraryEntry e, String type, String reason) {
        audit.record(caller, type, AGGREGATE, e.id.toString(), reason);
        outbox.append(new LibraryEntryChanged(type, e.id, e.teamId, e.kind.name(), e.status.name(), reason,
                clock.instant()));
    }
}
