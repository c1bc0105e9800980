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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class TeamDtos {
    private TeamDtos() {
    }

    /** What the team's own people and the staff see. */
    @Schema(name = "TeamView", description = "A 科创中国 service team (科技服务团) as its own people and the staff see it, "
            + "contacts included.")
    public record TeamView(
            @Schema(description = "The team's id.", required = true) UUID id,
            @Schema(description = "The approved application it was born from.", required = true) UUID applicationId,
            @Schema(description = "The Art. 4 team name.", required = true, example = "“科创中国”智能制造产业科技服务团")
            String name,
            @Schema(description = "The lead unit's unified social credit code.", required = true,
                    example = "91350100M000100Y43") String leadUnit,
            @Schema(description = "The lead unit's name.", required = true, example = "江苏省科学技术协会")
            String leadUnitName,
            @Schema(description = "The registration year it was approved in.", required = true, example = "2026")
            int year,
            @Schema(description = "Its status.", required = true) TeamStatus status,
            @Schema(description = "The reason given for the latest status change.", example = "未按要求报送工作进展")
            String statusReason,
            @Schema(description = "The service content from the name.", example = "智能制造产业") String serviceContent,
            @Schema(description = "Art. 11: the service categories (ServiceCategory codes).", required = true)
            List<String> categories,
            @Schema(description = "Art. 10: the pilot cities or parks served.", required = true)
            List<String> pilotCities,
            @Schema(description = "Other cities or regions reached.", required = true) List<String> otherRegions,
            @Schema(description = "The key industry fields.", required = true) List<String> keyFields,
            @Schema(description = "Art. 7: the team's experts.") List<Member> members,
            @Schema(description = "Art. 14: the participating units.") List<PartnerUnit> partnerUnits,
            @Schema(description = "Art. 12: the demand-hall handler.") HandlerContact handler,
            @Schema(description = "When the approval made it.", required = true) Instant activatedAt,
            @Schema(description = "When its status last changed.") Instant statusChangedAt,
            @Schema(description = "Art. 20: the latest year it was rated excellent and marked for stable support.",
                    example = "2027") Integer stableSupportYear,
            @Schema(description = "The optimistic-locking version, raised by every change.", required = true)
            long version) {
        static TeamView of(Team t) {
            return new TeamView(t.id, t.applicationId, t.name, t.leadUnitCreditCode, t.leadUnitName, t.year,
                    t.status, t.statusReason, t.serviceContent, list(t.categories), list(t.pilotCities),
                    list(t.otherRegions), list(t.keyFields), t.members, t.partnerUnits, t.handler, t.activatedAt,
                    t.statusChangedAt, t.stableSupportYear, t.version);
        }
    }

    /** Art. 15: what the public sees — never phones, emails or user ids. */
    @Schema(name = "PublicTeamView", description = "Art. 15: a live service team as the public sees it, without "
            + "phones, e-mails or user ids.")
    public record PublicTeamView(
            @Schema(description = "The team's id.", required = true) UUID id,
            @Schema(description = "The Art. 4 team name.", required = true, example = "“科创中国”智能制造产业科技服务团")
            String name,
            @Schema(description = "The lead unit's name.", required = true, example = "江苏省科学技术协会")
            String leadUnitName,
            @Schema(description = "The service content from the name.", example = "智能制造产业") String serviceContent,
            @Schema(description = "Art. 11: the service categories (ServiceCategory codes).", required = true)
            List<String> categories,
            @Schema(description = "Art. 10: the pilot cities or parks served.", required = true)
            List<String> pilotCities,
            @Schema(description = "Other cities or regions reached.", required = true) List<String> otherRegions,
            @Schema(description = "The key industry fields.", required = true) List<String> keyFields,
            @Schema(description = "Its status: ACTIVE or SUSPENDED.", required = true) TeamStatus status,
            @Schema(description = "The registration year it was approved in.", required = true, example = "2026")
            int year,
            @Schema(description = "When the approval made it.", required = true) Instant activatedAt) {
        static PublicTeamView of(Team t) {
            return new PublicTeamView(t.id, t.name, t.leadUnitName, t.serviceContent, list(t.categories),
                    list(t.pilotCities), list(t.otherRegions), list(t.keyFields), t.status, t.year, t.activatedAt);
        }
    }

    @Schema(name = "TeamHandlerChange", description = "Art. 12: the new person to answer the demand hall (需求大厅) "
            + "for the team.")
    public record HandlerChange(
            @Schema(description = "The handler's name.", required = true, maxLength = 100, example = "赵强")
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "The handler's phone number.", required = true,
                    pattern = "^\\+?[0-9][0-9\\- ]{5,19}$", example = "13800138000")
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "^\\+?[0-9][0-9\\- ]{5,19}$",
                    message = "{kczg.phone}") String phone,
            @Schema(description = "The handler's e-mail address.", required = true, format = "email",
                    example = "zhaoqiang@example.org.cn")
            @NotBlank @jakarta.validation.constraints.Email String email,
            @Schema(description = "The sub of the handler's login.", required = true, maxLength = 200,
                    example = "handler-zhaoqiang") @NotBlank @Size(max = 200) String userId,
            @Schema(description = "The subs of at most five people who may act for the handler.", maxItems = 5)
            @Size(max = 5) List<@NotBlank @Size(max = 200) String> deputies) {
        HandlerContact contact() {
            return new HandlerContact(name, phone, email, userId, deputies == null ? List.of() : deputies);
        }
    }

    @Schema(name = "TeamMembersChange", description = "Art. 7: the team's new member list, replacing the old one.")
    public record MembersChange(
            @Schema(description = "Every expert of the team, exactly one with role LEADER.", required = true,
                    minItems = 1, maxItems = 500)
            @NotNull @NotEmpty @Size(max = 500) List<@Valid @NotNull Member> members) {
    }

    @Schema(name = "TeamPartnersChange", description = "Art. 14: the team's new partner units, replacing the old list.")
    public record PartnersChange(
            @Schema(description = "Every partner unit, each with a name and duties, and its credit code when it has one "
                    + "(an empty list: none).", required = true, maxItems = 100)
            @NotNull @Size(max = 100) List<@Valid @NotNull PartnerUnit> partnerUnits) {
    }

    static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
