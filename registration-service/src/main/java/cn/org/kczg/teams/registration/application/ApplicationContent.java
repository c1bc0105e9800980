package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.events.registration.ServiceCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

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

    public static final ApplicationContent EMPTY = new ApplicationContent(null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    public enum MemberRole {
        LEADER, MEMBER
    }

    /** Art. 9, 14: what the lead unit commits. */
    public record Resources(@Size(max = 5000) String text, @DecimalMin("0") BigDecimal yearlyBudget,
            @Min(0) Integer staff) {
    }

    /** Art. 7: an expert of the team. */
    public record Member(@Size(max = 100) String name, @Size(max = 200) String field, @Size(max = 100) String title,
            @Size(max = 200) String affiliation, MemberRole role) {
    }

    /** Art. 14: a participating unit and its duties. */
    public record PartnerUnit(@Size(max = 200) String name, @Size(max = 2000) String duties) {
    }

    /**
     * Art. 12: the person who answers the demand hall; {@code userId} is the {@code sub} of their token, and
     * {@code deputies} the {@code sub}s of at most five people the lead unit lets act for them.
     */
    public record HandlerContact(@Size(max = 100) String name,
            @Pattern(regexp = "^\\+?[0-9][0-9\\- ]{5,19}$", message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email, @Size(max = 200) String userId,
            @Size(max = 5) List<@NotBlank @Size(max = 200) String> deputies) {
    }

    /** A partial update: every part given replaces the stored one, every part left out stays. */
    public ApplicationContent merge(ApplicationContent patch) {
        if (patch == null) {
            return this;
        }
        return new ApplicationContent(
                pick(patch.categories, categories), pick(patch.pilotCities, pilotCities),
                pick(patch.otherRegions, otherRegions), pick(patch.keyFields, keyFields),
                pick(patch.experience, experience), pick(patch.distinctiveServices, distinctiveServices),
                pick(patch.organisingCapacity, organisingCapacity), pick(patch.workFoundation, workFoundation),
                pick(patch.resourcesCommitted, resourcesCommitted), pick(patch.continuityPlan, continuityPlan),
                pick(patch.members, members), pick(patch.partnerUnits, partnerUnits), pick(patch.handler, handler));
    }

    private static <T> T pick(T given, T stored) {
        return given != null ? given : stored;
    }

    long leaderCount() {
        return members == null ? 0 : members.stream().filter(m -> m != null && m.role() == MemberRole.LEADER).count();
    }
}
