package cn.org.kczg.teams.activity.upload;

import cn.org.kczg.teams.activity.team.TeamAccess;
import cn.org.kczg.teams.activity.team.TeamCopy;
import cn.org.kczg.teams.activity.ticket.SlaClock;
import cn.org.kczg.teams.activity.upload.UploadDtos.NewUpload;
import cn.org.kczg.teams.activity.upload.UploadDtos.OverdueView;
import cn.org.kczg.teams.activity.upload.UploadDtos.ScheduleBody;
import cn.org.kczg.teams.activity.upload.UploadDtos.ScheduleView;
import cn.org.kczg.teams.activity.upload.UploadDtos.UploadView;
import cn.org.kczg.teams.activity.upload.UploadDtos.UsageView;
import cn.org.kczg.teams.events.activity.UploadDueSoon;
import cn.org.kczg.teams.events.activity.UploadOverdue;
import cn.org.kczg.teams.events.activity.UploadReceived;
import cn.org.kczg.teams.events.activity.UploadReviewed;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.db.TransactionLocks;
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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Art. 12: periodic uploads against the operator's schedule, and who is overdue. An upload is handled from the
 * temporary file the multipart request was written to — sniffed, hashed and stored as a stream, never held whole in
 * memory — and must fit the team's storage quota ({@code kczg.uploads.team-quota}).
 */
@ApplicationScoped
@Transactional
public class UploadService {
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** How many days ahead {@link #markDueSoon} reminds a team of an upload (Art. 12). */
    static final int DUE_SOON_DAYS = 7;

    @Inject
    FileStore files;
    @Inject
    FileIntake intake;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    TransactionLocks locks;
    @Inject
    UploadConfig config;

    public ScheduleView setSchedule(Caller caller, UploadSchedule.Kind kind, ScheduleBody body) {
        UploadSchedule s = UploadSchedule.<UploadSchedule>findByIdOptional(kind).orElseGet(UploadSchedule::new);
        s.kind = kind;
        s.period = body.period();
        s.dueDay = body.dueDay();
        s.persist();
        audit.record(caller, "upload-schedule.set", "upload-schedule", kind.name(), body.period() + " day " + body.dueDay());
        return new ScheduleView(s.kind, s.period, s.dueDay);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduleView> schedules() {
        return UploadSchedule.<UploadSchedule>listAll().stream().map(s -> new ScheduleView(s.kind, s.period, s.dueDay))
                .toList();
    }

    public UploadView upload(Caller caller, NewUpload u) {
        TeamCopy team = TeamCopy.<TeamCopy>findByIdOptional(u.teamId())
                .filter(t -> TeamAccess.belongsTo(caller, t.id, t.leadUnitCreditCode))
                .orElseThrow(() -> ProblemException.notFound(Text.of("team.not-found", u.teamId())));
        TeamAccess.requireActsFor(caller, team).requireActive();
        UploadSchedule schedule = UploadSchedule.<UploadSchedule>findByIdOptional(u.kind()).orElseThrow(() ->
                ProblemException.conflict("no-schedule", Text.of("upload.no-schedule", u.kind())));
        ReportingPeriod period = ReportingPeriod.parse(u.period(), schedule.period).orElseThrow(() ->
                ProblemException.invalid("period", Text.of("upload.period.format", u.kind(), schedule.period,
                        ReportingPeriod.example(schedule.period))));
        FileIntake.CheckedFile file = intake.check(u.file(), u.fileName(), MAX_BYTES, FileType.DOCUMENTS);
        requireRoom(team, file.size());
        lockPeriod(team.id, u.kind(), period.id());
        Optional<Upload> previous = latest(team.id, u.kind(), period.id());
        if (previous.filter(p -> p.reviewStatus == Upload.ReviewStatus.ACCEPTED).isPresent()) {
            throw ProblemException.conflict("upload-accepted", Text.of("upload.accepted", u.kind(), period.id()));
        }
        Upload up = new Upload();
        up.id = UUID.randomUUID();
        up.teamId = team.id;
        up.leadUnitCreditCode = team.leadUnitCreditCode;
        up.kind = u.kind();
        up.period = period.id();
        up.title = u.title() == null || u.title().isBlank() ? file.name() : u.title().strip();
        up.fileId = intake.store(file);
        up.fileName = file.name();
        up.contentType = file.type().contentType;
        up.size = file.size();
        up.sha256 = file.sha256();
        // a new version (after a return) is due by the first version's date: the due time holds, whatever the
        // schedule says now
        up.dueDate = previous.map(p -> p.dueDate).orElseGet(() -> period.dueDate(schedule.dueDay));
        up.onTime = up.dueDate == null || !today().isAfter(up.dueDate);
        up.version = previous.map(p -> p.version + 1).orElse(1);
        up.uploadedBy = caller.subject();
        up.uploadedAt = clock.instant();
        up.persist();
        audit.record(caller, "upload.received", "upload", up.id.toString(), up.kind + " " + up.period);
        outbox.append(new UploadReceived(up.id, up.teamId, up.kind.name(), up.period, up.dueDate, up.onTime,
                up.sha256));
        return UploadView.of(up);
    }

    /** Staff accept the latest version of an upload; empty when there is no such upload. */
    public Optional<UploadView> accept(Caller caller, UUID id, String comment) {
        return review(caller, id, Upload.ReviewStatus.ACCEPTED, comment == null || comment.isBlank() ? null
                : comment.strip());
    }

    /** Staff return the latest version of an upload to the team, which uploads a new version by the same date. */
    public Optional<UploadView> giveBack(Caller caller, UUID id, String comment) {
        return review(caller, id, Upload.ReviewStatus.RETURNED, comment.strip());
    }

    private Optional<UploadView> review(Caller caller, UUID id, Upload.ReviewStatus decision, String comment) {
        Optional<Upload> found = find(caller, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Upload u = found.get();
        // the same lock as a new version takes: a review and the next version never cross
        lockPeriod(u.teamId, u.kind, u.period);
        em.refresh(u);
        int newest = latest(u.teamId, u.kind, u.period).map(l -> l.version).orElse(u.version);
        if (u.version < newest) {
            throw ProblemException.conflict("upload-superseded", Text.of("upload.superseded", u.version, newest));
        }
        if (u.reviewStatus != Upload.ReviewStatus.SUBMITTED) {
            throw ProblemException.conflict("upload-reviewed", Text.of("upload.reviewed", u.version, u.reviewStatus));
        }
        u.reviewStatus = decision;
        u.reviewComment = comment;
        u.reviewedBy = caller.subject();
        u.reviewedAt = clock.instant();
        audit.record(caller, decision == Upload.ReviewStatus.ACCEPTED ? "upload.accepted" : "upload.returned", "upload",
                u.id.toString(), comment);
        outbox.append(new UploadReviewed(u.id, u.teamId, u.kind.name(), u.period, u.version, decision.name(), comment,
                u.dueDate));
        return Optional.of(UploadView.of(u));
    }

    private void lockPeriod(UUID teamId, UploadSchedule.Kind kind, String period) {
        locks.lock("upload-period:" + teamId + ":" + kind + ":" + period);
    }

    private static Optional<Upload> latest(UUID teamId, UploadSchedule.Kind kind, String period) {
        return Upload.<Upload>find("teamId = ?1 and kind = ?2 and period = ?3 order by version desc", teamId, kind,
                period).firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Upload> find(Caller caller, UUID id) {
        return Upload.<Upload>findByIdOptional(id).filter(u -> TeamAccess.maySee(caller, u.teamId, u.leadUnitCreditCode));
    }

    /** The size of the upload's stored file, empty when the file is gone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalLong fileSize(Upload upload) {
        return files.size(upload.fileId);
    }

    /** Streams the upload's file to {@code out}, outside any transaction (a slow client holds no connection). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void copyFile(Upload upload, OutputStream out) throws IOException {
        files.copyTo(upload.fileId, out);
    }

    /** What the team stores against its quota; for the team and for operators and auditors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UsageView> usage(Caller caller, UUID teamId) {
        return TeamCopy.<TeamCopy>findByIdOptional(teamId)
                .filter(t -> TeamAccess.maySee(caller, t.id, t.leadUnitCreditCode))
                .map(t -> {
                    long[] stored = stored(t.id);
                    return new UsageView(t.id, stored[0], stored[1], config.teamQuota().asLongValue());
                });
    }

    /**
     * Refuses a file that would take the team beyond its quota. The team's lock, held to the end of the transaction
     * that stores the file, makes concurrent uploads for one team take their turns: two cannot both fit in the
     * room that is left for one.
     */
    private void requireRoom(TeamCopy team, long size) {
        locks.lock("upload-storage:" + team.id);
        long used = stored(team.id)[1];
        long quota = config.teamQuota().asLongValue();
        if (used + size > quota) {
            throw ProblemException.conflict("team-storage-quota", Text.of("upload.team-quota",
                    ByteSizes.human(used), ByteSizes.human(quota), ByteSizes.human(size), ByteSizes.human(used + size)));
        }
    }

    /** How many files the team stores and their bytes. */
    private long[] stored(UUID teamId) {
        Object[] row = (Object[]) em.createQuery(
                "select count(u), coalesce(sum(u.size), 0) from Upload u where u.teamId = :t")
                .setParameter("t", teamId).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UploadView> list(Caller caller, UUID teamId, UploadSchedule.Kind kind, String period, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = where(caller, teamId, kind, period, params);
        return Page.of(Upload.<Upload>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where), page.sort(), params),
                page, UploadView::of);
    }

    /** The same uploads as {@link #list}, every one, newest first, for an export (in a transaction; close it). */
    public Stream<Upload> all(Caller caller, UUID teamId, UploadSchedule.Kind kind, String period) {
        Parameters params = new Parameters();
        return Listing.all(Upload.class, where(caller, teamId, kind, period, params), params,
                Sort.by("uploadedAt").descending().and("id"));
    }

    private static List<String> where(Caller caller, UUID teamId, UploadSchedule.Kind kind, String period,
            Parameters params) {
        List<String> where = new ArrayList<>();
        TeamAccess.restrictToOwnTeams(caller, where, params);
        if (teamId != null) {
            where.add("teamId = :teamId");
            params.and("teamId", teamId);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (period != null && !period.isBlank()) {
            where.add("period = :period");
            params.and("period", period.strip().toUpperCase());
        }
        return where;
    }

    /** Active teams without an upload for a period whose due date has passed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OverdueView> overdue(String periodId) {
        List<OverdueView> result = new ArrayList<>();
        for (UploadSchedule s : UploadSchedule.<UploadSchedule>listAll()) {
            ReportingPeriod.parse(periodId, s.period).ifPresent(p -> result.addAll(missing(s, p)));
        }
        return result;
    }

    private List<OverdueView> missing(UploadSchedule s, ReportingPeriod p) {
        LocalDate due = p.dueDate(s.dueDay);
        if (!today().isAfter(due)) {
            return List.of();
        }
        return withoutUpload(s, p);
    }

    private static List<OverdueView> withoutUpload(UploadSchedule s, ReportingPeriod p) {
        LocalDate due = p.dueDate(s.dueDay);
        return TeamCopy.<TeamCopy>list("status = ?1 and id not in (select u.teamId from Upload u where u.kind = ?2 "
                + "and u.period = ?3) order by name", "ACTIVE", s.kind, p.id()).stream()
                .map(t -> new OverdueView(t.id, t.name, s.kind, p.id(), due)).toList();
    }

    /** Reminds each team once per kind and period, {@value #DUE_SOON_DAYS} days or less before an upload falls due. */
    public int markDueSoon() {
        LocalDate today = today();
        int marked = 0;
        for (UploadSchedule s : UploadSchedule.<UploadSchedule>listAll()) {
            for (ReportingPeriod p : ReportingPeriod.endedBefore(today.plusDays(DUE_SOON_DAYS + 1), s.period, 2)) {
                LocalDate due = p.dueDate(s.dueDay);
                if (due.isBefore(today) || due.isAfter(today.plusDays(DUE_SOON_DAYS))) {
                    continue;
                }
                for (OverdueView o : withoutUpload(s, p)) {
                    if (noticeOnce("upload_due_notice", o)) {
                        outbox.append(new UploadDueSoon(o.teamId(), o.kind().name(), o.period(), o.dueDate()));
                        marked++;
                    }
                }
            }
        }
        return marked;
    }

    private boolean noticeOnce(String table, OverdueView o) {
        return em.createNativeQuery("insert into " + table + " (team_id, kind, period, noticed_at) "
                        + "values (:t, :k, :p, :at) on conflict do nothing")
                .setParameter("t", o.teamId()).setParameter("k", o.kind().name())
                .setParameter("p", o.period()).setParameter("at", clock.instant()).executeUpdate() == 1;
    }

    /** Announces each missed upload once per team, kind and period (the last two periods of each kind). */
    public int markOverdue() {
        int marked = 0;
        for (UploadSchedule s : UploadSchedule.<UploadSchedule>listAll()) {
            for (ReportingPeriod p : ReportingPeriod.endedBefore(today(), s.period, 2)) {
                for (OverdueView o : missing(s, p)) {
                    if (noticeOnce("upload_overdue_notice", o)) {
                        outbox.append(new UploadOverdue(o.teamId(), o.kind().name(), o.period(), o.dueDate()));
                        marked++;
                    }
                }
            }
        }
        return marked;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SlaClock.BEIJING));
    }

}
