package cn.org.kczg.teams.registration.leadunit;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.EMAIL;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.PHONE;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of {@link LeadUnitResource}. */
public final class LeadUnitDtos {
    static final String CREDIT_CODE_PATTERN = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$";

    private LeadUnitDtos() {
    }

    @Schema(name = "RegisterLeadUnit", description = "Art. 5: an organisation registering as a lead unit (牵头单位).")
    public record RegisterLeadUnit(
            @Schema(description = "The unified social credit code (统一社会信用代码, GB 32100-2015); the server also "
                    + "checks the 18th, check character.",
                    required = true, minLength = 18, maxLength = 18, pattern = CREDIT_CODE_PATTERN,
                    example = "91350100M000100Y43")
            @NotBlank @ValidCreditCode String creditCode,
            @Schema(description = "The organisation's registered name.", required = true, maxLength = 200,
                    example = "江苏省科学技术协会")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Art. 5: which kind of organisation it is; it must be one the credit code's first "
                    + "character (the registering authority, GB 32100-2015) registers — 5 (civil affairs) for societies, "
                    + "1 (establishment office) for provincial CASTs — unless an operator gives categoryOverrideReason.",
                    required = true)
            @NotNull LeadUnitCategory category,
            @Schema(description = "Who to contact at the lead unit.", required = true)
            @NotNull @Valid Contact contact,
            @Schema(description = "Operators only: why the unit is of a category its credit code's registering "
                    + "authority does not register (at least 20 characters); audited. Not needed when they fit.",
                    maxLength = 2000, example = "该研究会经中国科协批准挂靠事业单位登记，统一社会信用代码以12开头，属全国学会")
            @Size(max = 2000) String categoryOverrideReason) {

        /** The unit as registered, to merge a patch onto. */
        static RegisterLeadUnit of(LeadUnit unit) {
            return new RegisterLeadUnit(unit.creditCode, unit.name, unit.category,
                    new Contact(unit.contactName, unit.contactPhone, unit.contactEmail), null);
        }
    }

    @Schema(name = "LeadUnitPatch", description = "A lead unit's corrections, as a JSON Merge Patch (RFC 7396): the "
            + "members sent replace the registered ones; the credit code cannot change.")
    public record LeadUnitPatch(
            @Schema(description = "The organisation's registered name.", maxLength = 200) String name,
            @Schema(description = "Art. 5: which kind of organisation it is; checked against the credit code again, and "
                    + "the unit's open review cases are checked for eligibility again.") LeadUnitCategory category,
            @Schema(description = "Who to contact; members merge one by one.") Contact contact,
            @Schema(description = "Operators only: why the unit is of a category its credit code's registering "
                    + "authority does not register (at least 20 characters).", maxLength = 2000)
            String categoryOverrideReason) {
    }

    @Schema(name = "LeadUnitContact", description = "The lead unit's contact person.")
    public record Contact(
            @Schema(description = "The contact's name.", required = true, maxLength = 100, example = "王敏")
            @PersonalData(kind = NAME) @NotBlank @Size(max = 100) String name,
            @Schema(description = "The contact's phone number.", required = true,
                    pattern = "^\\+?[0-9][0-9\\- ]{5,19}$", example = "010-68571234")
            @PersonalData(kind = PHONE) @NotBlank
            @Pattern(regexp = "^\\+?[0-9][0-9\\- ]{5,19}$", message = "{kczg.phone}") String phone,
            @Schema(description = "The contact's e-mail address.", required = true, format = "email", maxLength = 200,
                    example = "wm@example.org.cn")
            @PersonalData(kind = EMAIL) @NotBlank @Email @Size(max = 200) String email) {
    }

    @Schema(name = "LeadUnitView", description = "Art. 5: a registered lead unit.")
    public record LeadUnitView(
            @Schema(description = "The unified social credit code (统一社会信用代码), normalised to upper case.",
                    required = true, example = "91350100M000100Y43") String creditCode,
            @Schema(description = "The organisation's registered name.", required = true, example = "江苏省科学技术协会")
            String name,
            @Schema(description = "Art. 5: which kind of organisation it is.", required = true)
            LeadUnitCategory category,
            @Schema(description = "Who to contact at the lead unit.", required = true) Contact contact,
            @Schema(description = "When it was registered.", required = true) Instant registeredAt) {
        static LeadUnitView of(LeadUnit unit) {
            return new LeadUnitView(unit.creditCode, unit.name, unit.category,
                    new Contact(unit.contactName, unit.contactPhone, unit.contactEmail), unit.registeredAt);
        }
    }
}
