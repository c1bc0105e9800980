package cn.org.kczg.teams.activity.upload;

import cn.org.kczg.teams.kit.paging.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response records of uploads' API. */
public final class UploadDtos {
    private UploadDtos() {
    }

    @Schema(name = "UploadScheduleRequest", description = "How often one kind of upload is due and by which day.")
    public record ScheduleBody(
            @Schema(description = "The length of the reporting period.", required = true)
            @NotNull ReportingPeriod.Length period,
            @Schema(description = "The day (1–28) of the month after the period ends by which the upload is due.",
                    required = true, example = "15")
            @NotNull @Min(1) @Max(28) Integer dueDay) {
    }

    @Schema(name = "UploadScheduleView", description = "How often one kind of upload is due, as the operator set it.")
    public record ScheduleView(
            @Schema(description = "The kind of upload.", required = true) UploadSchedule.Kind kind,
            @Schema(description = "The length of the reporting period.", required = true) ReportingPeriod.Length period,
            @Schema(description = "The day of the month after the period ends by which the upload is due.",
                    required = true, example = "15")
            int dueDay) {
    }

    public record NewUpload(UUID teamId, UploadSchedule.Kind kind, String period, String title, String fileName,
            String declaredType, Path file) {
    }

    /** What a team stores: every version of every upload counts against its quota. */
    @Schema(name = "UploadStorageUsage", description = "What a team stores against its storage quota: every version "
            + "of every upload counts.")
    public record UsageView(
            @Schema(description = "The team.", required = true) UUID teamId,
            @Schema(description = "How many files it stores.", required = true, example = "12") long files,
            @Schema(description = "The bytes they take.", required = true, example = "73400320") long usedBytes,
            @Schema(description = "The team's quota in bytes (kczg.uploads.team-quota).", required = true,
                    example = "524288000")
            long quotaBytes) {
    }

    @Schema(description = "One uploaded file of a team for a reporting period.")
    public record UploadView(
            @Schema(description = "The upload's id.", required = true) UUID id,
            @Schema(description = "The team.", required = true) UUID teamId,
            @Schema(description = "The kind of upload.", required = true) UploadSchedule.Kind kind,
            @Schema(description = "The reporting period.", required = true, example = "2026-Q3") String period,
            @Schema(description = "The title (the file name when none was given).", required = true,
                    example = "2026年第三季度工作进展")
            String title,
            @Schema(description = "The file name as uploaded.", required = true, example = "2026Q3工作进展.pdf")
            String fileName,
            @Schema(description = "The media type judged from the file's content.", required = true,
                    example = "application/pdf")
            String contentType,
            @Schema(description = "The file's size in bytes.", required = true, example = "482113") long size,
            @Schema(description = "The SHA-256 of the file's bytes, in hex.", required = true) String sha256,
            @Schema(description = "When the upload for this period was due.", required = true, example = "2026-10-15")
            LocalDate dueDate,
            @Schema(description = "true: uploaded by the due date (a new version after a return is judged against "
                    + "the same date: the due time holds).", required = true) boolean onTime,
            @Schema(description = "When it was uploaded.", required = true) Instant uploadedAt,
            @Schema(description = "The version: 1 for the team's first upload of this kind and period, then 2, 3, …",
                    required = true, example = "1") int version,
            @Schema(description = "Where staff's review of this version is.", required = true)
            Upload.ReviewStatus reviewStatus,
            @Schema(description = "Staff's comment on accepting or returning it.", example = "缺少第三季度活动照片，请补充后重新上传")
            String reviewComment,
            @Schema(description = "Who reviewed it (the staff member's user id).") String reviewedBy,
            @Schema(description = "When it was reviewed.") Instant reviewedAt) {
        public static UploadView of(Upload u) {
            return new UploadView(u.id, u.teamId, u.kind, u.period, u.title, u.fileName, u.contentType, u.size,
                    u.sha256, u.dueDate, u.onTime, u.uploadedAt, u.version, u.reviewStatus, u.reviewComment,
                    u.reviewedBy, u.reviewedAt);
        }
    }

    @Schema(name = "UploadAcceptRequest", description = "Staff accept an upload, with an optional comment.")
    public record AcceptBody(
            @Schema(description = "A comment for the team (optional, up to 2,000 characters).", example = "材料齐全")
            @Size(max = 2000) String comment) {
    }

    @Schema(name = "UploadReturnRequest", description = "Staff return an upload to the team with the comment that says "
            + "what to change; the team uploads a new version by the same due date.")
    public record ReturnBody(
            @Schema(description = "What the team should change (required, up to 2,000 characters).", required = true,
                    example = "缺少第三季度活动照片，请补充后重新上传")
            @NotBlank @Size(max = 2000) String comment) {
    }

    @Schema(name = "UploadCompletenessStatus", description = "Where one team's upload of a kind for a period is: "
            + "MISSING (nothing uploaded), SUBMITTED (the latest version awaits review), RETURNED (returned, a new "
            + "version is owed) or ACCEPTED.")
    public enum CompletenessStatus {
        MISSING, SUBMITTED, RETURNED, ACCEPTED
    }

    @Schema(name = "UploadCompletenessRow", description = "One active team's upload of one kind for one expected "
            + "reporting period, as its latest version stands.")
    public record CompletenessRow(
            @Schema(description = "The team.", required = true) UUID teamId,
            @Schema(description = "The team's name.", required = true, example = "长三角智能制造科技服务团") String teamName,
            @Schema(description = "The kind of upload.", required = true) UploadSchedule.Kind kind,
            @Schema(description = "The reporting period.", required = true, example = "2026-Q3") String period,
            @Schema(description = "When the upload was due (for a period with uploads, the first version's due "
                    + "date; otherwise the schedule's).", required = true, example = "2026-10-15") LocalDate dueDate,
            @Schema(description = "Where the team's upload is.", required = true) CompletenessStatus status,
            @Schema(description = "The latest version's id; absent when MISSING.") UUID uploadId,
            @Schema(description = "The latest version's number; absent when MISSING.", example = "2") Integer version,
            @Schema(description = "Whether the latest version came by the due date; absent when MISSING.")
            Boolean onTime,
            @Schema(description = "When the latest version came; absent when MISSING.") Instant uploadedAt) {
    }

    @Schema(name = "UploadCompletenessTotals", description = "The totals over every row the filters match, the status "
            + "filter aside (so the shares stay shares of everything expected).")
    public record CompletenessTotals(
            @Schema(description = "Rows expected: active teams × scheduled kinds × ended periods.", required = true,
                    example = "120") long expected,
            @Schema(description = "Rows with at least one upload (SUBMITTED, RETURNED or ACCEPTED).", required = true,
                    example = "100") long received,
            @Schema(description = "Rows whose latest version awaits review.", required = true, example = "30")
            long submitted,
            @Schema(description = "Rows whose latest version was accepted.", required = true, example = "62")
            long accepted,
            @Schema(description = "Rows whose latest version was returned (a new version is owed).", required = true,
                    example = "8") long returned,
            @Schema(description = "Rows with no upload at all.", required = true, example = "20") long missing,
            @Schema(description = "Rows whose latest version came by the due date.", required = true, example = "85")
            long onTime,
            @Schema(description = "Completeness in percent, one decimal: (submitted + accepted) / expected × 100 — "
                    + "a returned upload does not count until its new version comes; 0 when nothing is expected.",
                    required = true, example = "76.7") BigDecimal completenessPercent,
            @Schema(description = "Accepted in percent, one decimal: accepted / expected × 100.", required = true,
                    example = "51.7") BigDecimal acceptedPercent) {
    }

    @Schema(name = "UploadCompleteness", description = "Art. 12 completeness: one row per active team × scheduled "
            + "kind × reporting period that has ended, paged, with the totals over all rows.")
    public record CompletenessReport(
            @Schema(description = "The rows of this page.", required = true) List<CompletenessRow> items,
            @Schema(description = "The page number, from 0.", required = true, example = "0") int page,
            @Schema(description = "The page size.", required = true, example = "20") int size,
            @Schema(description = "How many rows the filters match.", required = true, example = "120") long total,
            @Schema(description = "The totals over every matching row, the status filter aside.", required = true)
            CompletenessTotals totals) {
        static CompletenessReport of(Page<CompletenessRow> page, CompletenessTotals totals) {
            return new CompletenessReport(page.items(), page.page(), page.size(), page.total(), totals);
        }
    }

    @Schema(name = "OverdueUpload", description = "An upload a team still owes for a period past its due date.")
    public record OverdueView(
            @Schema(description = "The team.", required = true) UUID teamId,
            @Schema(description = "The team's name.", required = true, example = "长三角智能制造科技服务团") String teamName,
            @Schema(description = "The kind of upload it owes.", required = true) UploadSchedule.Kind kind,
            @Schema(description = "The reporting period.", required = true, example = "2026-Q3") String period,
            @Schema(description = "When it was due.", required = true, example = "2026-10-15") LocalDate dueDate) {
    }
}
