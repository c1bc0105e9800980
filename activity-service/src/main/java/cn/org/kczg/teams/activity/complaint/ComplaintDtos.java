package cn.org.kczg.teams.activity.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** The request and response records of complaints' API. */
public final class ComplaintDtos {
    private ComplaintDtos() {
    }

    public record FileComplaint(@NotNull UUID teamId, @NotNull Complaint.Kind kind,
            @NotBlank @Size(max = 5000) String text, @Size(max = 200) String contact) {
    }

    public record Outcome(@NotNull Complaint.Status outcome, @NotBlank @Size(max = 2000) String reason) {
    }

    /** What the public gets back: no more than it sent. */
    public record Receipt(UUID id, Complaint.Status status, Instant filedAt) {
    }

    public record ComplaintView(UUID id, UUID teamId, Complaint.Kind kind, String text, String contact,
            Complaint.Status status, String outcomeReason, Instant filedAt, Instant decidedAt) {
    }
}
