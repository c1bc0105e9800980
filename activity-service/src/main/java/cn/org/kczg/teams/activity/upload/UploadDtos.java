package cn.org.kczg.teams.activity.upload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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
            @Schema(description = "true: uploaded by the due date.", required = true) boolean onTime,
            @Schema(description = "When it was uploaded.", required = true) Instant uploadedAt) {
        public static UploadView of(Upload u) {
            return new UploadView(u.id, u.teamId, u.kind, u.period, u.title, u.fileName, u.contentType, u.size,
                    u.sha256, u.dueDate, u.onTime, u.uploadedAt);
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
