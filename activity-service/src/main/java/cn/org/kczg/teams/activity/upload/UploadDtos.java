package cn.org.kczg.teams.activity.upload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The request and response records of uploads' API. */
public final class UploadDtos {
    private UploadDtos() {
    }

    public record ScheduleBody(@NotNull ReportingPeriod.Length period, @NotNull @Min(1) @Max(28) Integer dueDay) {
    }

    public record ScheduleView(UploadSchedule.Kind kind, ReportingPeriod.Length period, int dueDay) {
    }

    public record NewUpload(UUID teamId, UploadSchedule.Kind kind, String period, String title, String fileName,
            String declaredType, Path file) {
    }

    /** What a team stores: every version of every upload counts against its quota. */
    public record UsageView(UUID teamId, long files, long usedBytes, long quotaBytes) {
    }

    public record UploadView(UUID id, UUID teamId, UploadSchedule.Kind kind, String period, String title,
            String fileName, String contentType, long size, String sha256, LocalDate dueDate, boolean onTime,
            Instant uploadedAt) {
        public static UploadView of(Upload u) {
            return new UploadView(u.id, u.teamId, u.kind, u.period, u.title, u.fileName, u.contentType, u.size,
                    u.sha256, u.dueDate, u.onTime, u.uploadedAt);
        }
    }

    public record OverdueView(UUID teamId, String teamName, UploadSchedule.Kind kind, String period, LocalDate dueDate) {
    }
}
