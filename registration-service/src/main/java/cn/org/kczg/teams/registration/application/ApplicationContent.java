package cn.org.kczg.teams.registration.application;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.AFFILIATION;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.EMAIL;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.PHONE;

import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import cn.org.kczg.teams.registration.leadunit.ValidCreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a lead unit states in a team application (Art. 6, 7, 9, 11, 12, 14). Stored as one JSON document;
 * every part may be missing while it is a draft — {@link ApplicationCompleteness} says what submitting
 * needs.
 */
public record ApplicationContent(
        @Size(max = 8) List<ServiceCategory> categories,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> pilotCities,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> otherRegions,
        @Size(max = 30) List<@NotBlank @Size(max = 100) String> keyFields,
        @Size(max = 10_000) String experience,
        @Size(max = 10_000) String distinctiveServices,
        @Size(max = 10_000) String organisingCapacity,
        @Size(max = 10_000) String workFoundation,
        @Valid Resources resourcesCommitted,
        @Size(max = 10_000) String continuityPlan,
        @Size(max = 500) List<@Valid Member> members,
        @Size(max = 100) List<@Valid PartnerUnit> partnerUnits,
        @Valid HandlerContact handler) {

    @Schema(name = "TeamMemberRole", description = "Art. 7: a member's role in the team: the one LEADER (团长) or a "
            + "MEMBER.")
    public enum MemberRole {
        LEADER, MEMBER
    }

    /** Art. 9, 14: what the lead unit commits. */
    @Schema(name = "CommittedResources", description = "Art. 9, 14: the resources the lead unit commits to the team.")
    public record Resources(
            @Schema(description = "What is committed, in words; required to submit.", maxLength = 5000,
                    example = "专职人员与年度经费") @Size(max = 5000) String text,
            @Schema(description = "The yearly budget in yuan (CNY).", minimum = "0", example = "500000")
            @DecimalMin("0") BigDecimal yearlyBudget,
            @Schema(description = "The number of dedicated staff.", minimum = "0", example = "6") @Min(0) Integer staff) {
    }

    /** Art. 7: an expert of the team. */
    @Schema(name = "TeamMember", description = "Art. 7: an expert of the team; every part is required to submit.")
    public record Member(
            @Schema(description = "The expert's name.", maxLength = 100, example = "张伟")
            @PersonalData(kind = NAME) @Size(max = 100) String name,
            @Schema(description = "The expert's professional field.", maxLength = 200, example = "机械工程")
            @PersonalData(kind = AFFILIATION) @Size(max = 200) String field,
            @Schema(description = "The expert's professional title.", maxLength = 100, example = "教授")
            @PersonalData(kind = AFFILIATION) @Size(max = 100) String title,
            @Schema(description = "The expert's institution.", maxLength = 200, example = "清华大学")
            @PersonalData(kind = AFFILIATION) @Size(max = 200) String affiliation,
            @Schema(description = "LEADER for the team's one leader, else MEMBER.") MemberRole role) {
    }

    /** Art. 14: a participating unit and its duties. */
    @Schema(name = "PartnerUnit", description = "Art. 14: a unit taking part in the team's work, and its duties.")
    public record PartnerUnit(
            @Schema(description = "The unit's name; required to submit.", maxLength = 200, example = "苏州工业园区管委会")
            @Size(max = 200) String name,
            @Schema(description = "What the unit does for the team; required to submit.", maxLength = 2000,
                    example = "对接园区企业需求") @Size(max = 2000) String duties,
            @Schema(description = "The unit's unified social credit code, when it has one (Art. 16/17 sanctions and "
                    + "Art. 19 participation count units by it); checked like a lead unit's.",
                    example = "11320500014160000T") @ValidCreditCode String creditCode) {

        /** The credit code normalised to upper case, or null. */
        public String normalisedCreditCode() {
            return creditCode == null || creditCode.isBlank() ? null : creditCode.trim().toUpperCase();
        }
    }

    /**
     * Art. 12: the person who answers the demand hall; {@code userId} is the {@code sub} of their token, and
     * {@code deputies} the {@code sub}s of at most five people the lead unit lets act for them.
     */
    @Schema(name = "DemandHallHandler", description = "Art. 12: the person who answers the 需求大厅 (demand hall) for "
            + "the team, and who may act for them; every part but deputies is required to submit.")
    public record HandlerContact(
            @Schema(description = "The handler's name.", maxLength = 100, example = "赵强")
            @PersonalData(kind = NAME) @Size(max = 100) String name,
            @Schema(description = "The handler's phone number.", pattern = "^\\+?[0-9][0-9\\- ]{5,19}$",
                    example = "13800138000")
            @PersonalData(kind = PHONE) @Pattern(regexp = "^\\+?[0-9][0-9\\- ]{5,19}$", message = "{kczg.phone}")
            String phone,
            @Schema(description = "The handler's e-mail address.", format = "email", maxLength = 200,
                    example = "zhaoqiang@example.org.cn")
            @PersonalData(kind = EMAIL) @Email @Size(max = 200) String email,
            @Schema(description = "The sub of the handler's login, which may then act on the team's tickets.",
                    maxLength = 200, example = "handler-zhaoqiang")
            @PersonalData(kind = ACCOUNT_ID) @Size(max = 200) String userId,
            @Schema(description = "The subs of at most five people the lead unit lets act for the handler.",
                    maxItems = 5)
            @PersonalData(kind = ACCOUNT_ID) @Size(max = 5) List<@NotBlank @Size(max = 200) String> deputies) {
    }

    long leaderCount() {
        return members == null ? 0 : members.stream().filter(m -> m != null && m.role() == MemberRole.LEADER).count();
    }
}
