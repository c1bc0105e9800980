package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.kit.web.WebLink;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class TicketDtos {
    private TicketDtos() {
    }

    /** What a partner pushes, with the field names of the kczg.org.cn demand pages. */
    public record PushTicket(
            @NotBlank @Size(max = 200) String projectName,
            @NotBlank @Size(max = 100) String industryField,
            @Size(max = 5000) String background,
            @NotBlank @Size(max = 5000) String technicalProblems,
            @Size(max = 5000) String expectedTargets,
            @NotBlank @Size(max = 100) String region,
            @NotNull @Valid DemandSide demandSide,
            @Valid Contact contact,
            @NotBlank @Size(max = 100) String externalId,
            @Size(max = 8) List<ServiceCategory> categories,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> keywords) {
    }

    public record DemandSide(@NotBlank @Size(max = 200) String name, @Size(max = 18) String creditCode) {
    }

    public record Contact(@Size(max = 100) String name, @Size(max = 30) String phone, @Email @Size(max = 200) String email) {
    }

    public record Answer(@NotBlank @Size(max = 10_000) String text, @Size(max = 20) List<@NotBlank @WebLink String> links) {
    }

    public record Assign(@NotNull UUID teamId, @Size(max = 2000) String reason) {
    }

    public record Settings(@NotNull Boolean autoAssign) {
    }

    /** One step of a ticket's own history, with the states it moved between. */
    public record TicketStep(Instant at, String actor, String role, String action, String from, String to,
            String reason) {
        static TicketStep of(TicketHistory h) {
            return new TicketStep(h.at, h.actor, h.role, h.action, h.fromStatus, h.toStatus, h.reason);
        }
    }

    public record TicketView(UUID id, String externalId, String partner, String projectName, String industryField,
            String background, String technicalProblems, String expectedTargets, String region, DemandSide demandSide,
            Contact contact, List<String> categories, List<String> keywords, TicketStatus status, UUID teamId,
            String teamName, Instant assignedAt, Instant acceptedAt, Instant firstResponseDue, Instant resolutionDue,
            boolean firstResponseOverdue, boolean resolutionOverdue, Answer answer, Instant createdAt,
            Instant updatedAt, long version, List<TicketStep> history) {
        static TicketView of(Ticket t, List<TicketStep> history) {
            return new TicketView(t.id, t.externalId, t.partner, t.projectName, t.industryField, t.background,
                    t.technicalProblems, t.expectedTargets, t.region, new DemandSide(t.demandSideName,
                            t.demandSideCreditCode), t.contact, t.categories, t.keywords, t.status, t.teamId,
                    t.teamName, t.assignedAt, t.acceptedAt, t.firstResponseDue, t.resolutionDue,
                    t.firstResponseOverdue, t.resolutionOverdue, t.answer, t.createdAt, t.updatedAt, t.version,
                    history);
        }
    }

    public record Matches(List<TeamMatcher.Match> items) {
    }
}
