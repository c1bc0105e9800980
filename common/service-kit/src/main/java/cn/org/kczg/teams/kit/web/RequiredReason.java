package cn.org.kczg.teams.kit.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an action that must carry a written reason (kept in the audit trail): declining, rejecting, revoking. */
@Schema(description = "An action's body with the written reason it requires (declining, rejecting, revoking), kept in the "
        + "audit trail.")
public record RequiredReason(@Schema(description = "Why (required, up to 2,000 characters).", required = true,
        example = "申报材料缺少合作单位盖章") @NotBlank @Size(max = 2000) String reason) {
}
