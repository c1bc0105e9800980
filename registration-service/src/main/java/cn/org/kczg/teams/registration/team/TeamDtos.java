package cn.org.kczg.teams.registration.team;

import cn.org.kczg.teams.registration.application.ApplicationContent.HandlerContact;
import cn.org.kczg.teams.registration.application.ApplicationContent.Member;
import cn.org.kczg.teams.registration.application.ApplicationContent.PartnerUnit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class TeamDtos {
    private TeamDtos() {
    }

    /** What the team's own people and the staff see. */
    public record TeamView(UUID id, UUID applicationId, String name, String leadUnit, String leadUnitName, int year,
            TeamStatus status, String statusReason, String serviceContent, List<String> categories,
            List<String> pilotCities, List<String> otherRegions, List<String> keyFields, List<Member> members,
            List<PartnerUnit> partnerUnits, HandlerContact handler, Instant activatedAt, Instant statusChangedAt,
            Integer stableSupportYear, long version) {
        static TeamView of(Team t) {
            return new TeamView(t.id, t.applicationId, t.name, t.leadUnitCreditCode, t.leadUnitName, t.year,
                    t.status, t.statusReason, t.serviceContent, list(t.categories), list(t.pilotCities),
                    list(t.otherRegions), list(t.keyFields), t.members, t.partnerUnits, t.handler, t.activatedAt,
                    t.statusChangedAt, t.stableSupportYear, t.version);
        }
    }

    /** Art. 15: what the public sees — never phones, emails or user ids. */
    public record PublicTeamView(UUID id, String name, String leadUnitName, String serviceContent,
            List<String> categories, List<String> pilotCities, List<String> otherRegions, List<String> keyFields,
            TeamStatus status, int year, Instant activatedAt) {
        static PublicTeamView of(Team t) {
            return new PublicTeamView(t.id, t.name, t.leadUnitName, t.serviceContent, list(t.categories),
                    list(t.pilotCities), list(t.otherRegions), list(t.keyFields), t.status, t.year, t.activatedAt);
        }
    }

    public record HandlerChange(@NotBlank @Size(max = 100) String name,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "^\\+?[0-9][0-9\\- ]{5,19}$",
                    message = "must be a phone number") String phone,
            @NotBlank @jakarta.validation.constraints.Email String email, @NotBlank @Size(max = 200) String userId,
            @Size(max = 5) List<@NotBlank @Size(max = 200) String> deputies) {
        HandlerContact contact() {
            return new HandlerContact(name, phone, email, userId, deputies == null ? List.of() : deputies);
        }
    }

    public record MembersChange(@NotNull @NotEmpty @Size(max = 500) List<@Valid @NotNull Member> members) {
    }

    static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
