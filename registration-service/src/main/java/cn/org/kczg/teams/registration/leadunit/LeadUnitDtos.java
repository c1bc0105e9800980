package cn.org.kczg.teams.registration.leadunit;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Request and response records of {@link LeadUnitResource}. */
public final class LeadUnitDtos {
    private LeadUnitDtos() {
    }

    public record RegisterLeadUnit(
            @NotBlank @ValidCreditCode String creditCode,
            @NotBlank @Size(max = 200) String name,
            @NotNull LeadUnitCategory category,
            @NotNull @Valid Contact contact) {
    }

    public record Contact(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "^\\+?[0-9][0-9\\- ]{5,19}$", message = "must be a phone number") String phone,
            @NotBlank @Email @Size(max = 200) String email) {
    }

    public record LeadUnitView(String creditCode, String name, LeadUnitCategory category, Contact contact,
            Instant registeredAt) {
        static LeadUnitView of(LeadUnit unit) {
            return new LeadUnitView(unit.creditCode, unit.name, unit.category,
                    new Contact(unit.contactName, unit.contactPhone, unit.contactEmail), unit.registeredAt);
        }
    }
}
