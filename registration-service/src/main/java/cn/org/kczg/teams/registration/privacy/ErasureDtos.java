package cn.org.kczg.teams.registration.privacy;

import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and receipt of a personal-data erasure. */
public final class ErasureDtos {
    private ErasureDtos() {
    }

    @Schema(name = "ErasureRequestBody", description = "Whom to erase — exactly one of subject and contact — and why.")
    public record RequestErasure(
            @Schema(description = "The sub of the person's login (token subject, user id).", maxLength = 200,
                    example = "vol-wangfang") @Size(max = 200) String subject,
            @Schema(description = "A phone number or an e-mail address the person gave.", maxLength = 200,
                    example = "13800138000") @Size(max = 200) String contact,
            @Schema(description = "Why the person is erased (at least 20, at most 2,000 characters), kept in the "
                    + "audit trail.", required = true, minLength = 20, maxLength = 2000,
                    example = "本人依《个人信息保护法》第四十七条申请删除其个人信息，已核实身份")
            @NotBlank @Size(min = 20, max = 2000) String reason) {
    }

    @Schema(name = "ErasureStatus", description = "PENDING until every service has answered, then COMPLETED.")
    public enum Status {
        PENDING, COMPLETED
    }

    @Schema(name = "ErasureReceipt", description = "What each service erased of the person: entities, fields and "
            + "row counts, never the values or who the person was.")
    public record Receipt(
            @Schema(description = "The receipt's id.", required = true) UUID id,
            @Schema(description = "PENDING until all services have answered, then COMPLETED.", required = true) Status status,
            @Schema(description = "SUBJECT or CONTACT: how the request named the person.", required = true) String matchKind,
            @Schema(description = "What the person's login id was replaced with in every service.", required = true) String pseudonym,
            @Schema(description = "When the operator asked.", required = true) Instant requestedAt,
            @Schema(description = "When the last service answered; null while PENDING.") Instant completedAt,
            @Schema(description = "The services that must answer.", required = true) List<String> expectedServices,
            @Schema(description = "The answers received, one per service.", required = true) List<ServiceAnswer> services) {
    }

    @Schema(name = "ErasureServiceAnswer", description = "One service's answer.")
    public record ServiceAnswer(
            @Schema(description = "The service, e.g. activity-service.", required = true) String service,
            @Schema(description = "When it erased.", required = true) Instant erasedAt,
            @Schema(description = "What it erased; empty when it held nothing of the person.", required = true) List<Item> items) {
    }

    @Schema(name = "ErasureItem", description = "Rows of one entity whose fields were anonymised.")
    public record Item(
            @Schema(description = "The entity (or table), e.g. Participation.", required = true) String entity,
            @Schema(description = "The fields anonymised, e.g. volunteer, volunteerName.", required = true) List<String> fields,
            @Schema(description = "How many rows.") long count) {
        static Item of(PersonalDataErased.Item item) {
            return new Item(item.entity(), item.fields(), item.count());
        }
    }
}
