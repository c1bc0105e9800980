package cn.org.kczg.teams.activity.volunteer;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.SERVICE_RECORD;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response records of volunteers' API. */
public final class VolunteerDtos {
    private VolunteerDtos() {
    }

    @Schema(description = "A volunteer's own record of taking part in a team's reported activity (Art. 13).")
    public record LogParticipation(
            @Schema(description = "The reported activity taken part in.", required = true) @NotNull UUID activityId,
            @Schema(description = "The volunteer's name, as it goes on a certificate.", required = true,
                    example = "李明")
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "What the volunteer did.", required = true, example = "技术讲解志愿者")
            @NotBlank @Size(max = 100) String role,
            @Schema(description = "Hours given, above 0 and at most 1000, one decimal.", required = true,
                    example = "6.5")
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 1)
            BigDecimal hours) {
    }

    @Schema(name = "OutstandingMemberNomination", description = "The lead unit's nomination of an outstanding member "
            + "for the “科创中国”科技服务团优秀团员证书 (Art. 13); an operator approves it before it is issued.")
    public record Nomination(
            @Schema(description = "The team.", required = true) @NotNull UUID teamId,
            @Schema(description = "The member's user id.", required = true) @NotBlank @Size(max = 200) String volunteer,
            @Schema(description = "The member's name, as it goes on the certificate.", required = true, example = "李明")
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "Why the member is outstanding.", required = true,
                    example = "全年参与技术服务活动12次，服务企业30余家。")
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "A volunteer's logged participation and the lead unit's decision on it.")
    public record ParticipationView(
            @Schema(description = "The participation's id.", required = true) UUID id,
            @Schema(description = "The team whose activity it was.", required = true) UUID teamId,
            @Schema(description = "The activity.", required = true) UUID activityId,
            @Schema(description = "The volunteer's user id.", required = true) @PersonalData(kind = ACCOUNT_ID)
            String volunteer,
            @Schema(description = "The volunteer's name.", required = true, example = "李明") @PersonalData(kind = NAME)
            String volunteerName,
            @Schema(description = "What the volunteer did.", required = true, example = "技术讲解志愿者")
            @PersonalData(kind = SERVICE_RECORD) String role,
            @Schema(description = "Hours given.", required = true, example = "6.5") @PersonalData(kind = SERVICE_RECORD)
            BigDecimal hours,
            @Schema(description = "Where it is.", required = true) Participation.Status status,
            @Schema(description = "The reason given with the lead unit's decision.") String decisionReason,
            @Schema(description = "When it was logged.", required = true) Instant loggedAt) {
        static ParticipationView of(Participation p) {
            return new ParticipationView(p.id, p.teamId, p.activityId, p.volunteer, p.volunteerName, p.role, p.hours,
                    p.status, p.decisionReason, p.loggedAt);
        }
    }

    @Schema(description = "A certificate as its holder, the team and the staff see it.")
    public record CertificateView(
            @Schema(description = "The certificate's id.", required = true) UUID id,
            @Schema(description = "The code anyone types to verify it; absent while pending approval.",
                    example = "K7Q2M9X4T8B3N6P5R5W2")
            String code,
            @Schema(description = "Which certificate.", required = true) Certificate.Kind kind,
            @Schema(description = "The team.", required = true) UUID teamId,
            @Schema(description = "The team's name.", required = true, example = "长三角智能制造科技服务团") String teamName,
            @Schema(description = "The holder's user id.", required = true) @PersonalData(kind = ACCOUNT_ID)
            String holder,
            @Schema(description = "The holder's name.", required = true, example = "李明") @PersonalData(kind = NAME)
            String holderName,
            @Schema(description = "Where it is.", required = true) Certificate.Status status,
            @Schema(description = "When it was issued.") Instant issuedAt,
            @Schema(description = "When it was revoked.") Instant revokedAt,
            @Schema(description = "Why it was revoked.") String revokeReason) {
        static CertificateView of(Certificate c) {
            return new CertificateView(c.id, c.status == Certificate.Status.PENDING_APPROVAL ? null : c.code, c.kind,
                    c.teamId, c.teamName, c.holder, c.holderName, c.status, c.issuedAt, c.revokedAt, c.revokeReason);
        }
    }

    /** What anyone may learn from a certificate code: what it attests, the holder's name masked. */
    @Schema(name = "CertificateVerification", description = "What anyone may learn from a certificate code: what "
            + "it attests (team, activity, hours, year) and whether it is revoked, the holder's name masked.")
    public record Verification(
            @Schema(description = "Which certificate.", required = true) Certificate.Kind kind,
            @Schema(description = "The holder's name, masked.", required = true, example = "李*") String holder,
            @Schema(description = "The team's name.", required = true, example = "长三角智能制造科技服务团") String teamName,
            @Schema(description = "When it was issued.", required = true) Instant issuedAt,
            @Schema(description = "VALID or REVOKED.", required = true, example = "VALID",
                    enumeration = {"VALID", "REVOKED"})
            String status,
            @Schema(description = "When it was revoked, if it was.") Instant revokedAt,
            @Schema(description = "The year it attests (of the activity, or of the outstanding member's work).",
                    required = true, example = "2026") int year,
            @Schema(description = "For a participation certificate, the activity taken part in.",
                    example = "青年科技人才培训") String activity,
            @Schema(description = "For a participation certificate, the day the activity began.") LocalDate activityDate,
            @Schema(description = "For a participation certificate, the hours the lead unit confirmed.",
                    example = "6.5") BigDecimal hours,
            @Schema(description = "Who issued it: the platform, for the team named in teamName.", required = true,
                    example = "“科创中国”科技服务团平台") String issuer) {
    }

    @Schema(description = "One confirmed participation in a volunteer's hours statement.")
    public record HoursEntry(
            @Schema(description = "The participation.", required = true) UUID participationId,
            @Schema(description = "The activity.", required = true) UUID activityId,
            @Schema(description = "The activity's title.", required = true, example = "青年科技人才培训") String activity,
            @Schema(description = "The day the activity began.", required = true) LocalDate date,
            @Schema(description = "The team.", required = true) UUID teamId,
            @Schema(description = "The team's name.", required = true, example = "长三角智能制造科技服务团") String teamName,
            @Schema(description = "What the volunteer did.", required = true, example = "技术讲解志愿者")
            @PersonalData(kind = SERVICE_RECORD) String role,
            @Schema(description = "Hours confirmed.", required = true, example = "6.5") @PersonalData(kind = SERVICE_RECORD)
            BigDecimal hours) {
    }

    @Schema(description = "A volunteer's statement of confirmed service hours over a date range (Art. 13): each "
            + "confirmed participation whose activity began in the range, and their sum.")
    public record HoursStatement(
            @Schema(description = "The volunteer's user id.", required = true) @PersonalData(kind = ACCOUNT_ID)
            String volunteer,
            @Schema(description = "The volunteer's name as last logged; absent when nothing is listed.",
                    example = "李明") @PersonalData(kind = NAME) String volunteerName,
            @Schema(description = "First day of the range.", required = true) LocalDate from,
            @Schema(description = "Last day of the range.", required = true) LocalDate to,
            @Schema(description = "The sum of the hours listed.", required = true, example = "14.5") BigDecimal totalHours,
            @Schema(description = "The confirmed participations, oldest activity first.", required = true)
            List<HoursEntry> entries) {
    }
}
