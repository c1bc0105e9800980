package cn.org.kczg.teams.activity.volunteer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The request and response records of volunteers' API. */
public final class VolunteerDtos {
    private VolunteerDtos() {
    }

    public record LogParticipation(@NotNull UUID activityId, @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 100) String role,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 1)
            BigDecimal hours) {
    }

    public record Nomination(@NotNull UUID teamId, @NotBlank @Size(max = 200) String volunteer,
            @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ParticipationView(UUID id, UUID teamId, UUID activityId, String volunteer, String volunteerName,
            String role, BigDecimal hours, Participation.Status status, String decisionReason, Instant loggedAt) {
        static ParticipationView of(Participation p) {
            return new ParticipationView(p.id, p.teamId, p.activityId, p.volunteer, p.volunteerName, p.role, p.hours,
                    p.status, p.decisionReason, p.loggedAt);
        }
    }

    public record CertificateView(UUID id, String code, Certificate.Kind kind, UUID teamId, String teamName,
            String holder, String holderName, Certificate.Status status, Instant issuedAt, Instant revokedAt,
            String revokeReason) {
        static CertificateView of(Certificate c) {
            return new CertificateView(c.id, c.status == Certificate.Status.PENDING_APPROVAL ? null : c.code, c.kind,
                    c.teamId, c.teamName, c.holder, c.holderName, c.status, c.issuedAt, c.revokedAt, c.revokeReason);
        }
    }

    /** What anyone may learn from a certificate code: no more than the masked holder name. */
    public record Verification(Certificate.Kind kind, String holder, String teamName, Instant issuedAt, String status,
            Instant revokedAt) {
    }
}
