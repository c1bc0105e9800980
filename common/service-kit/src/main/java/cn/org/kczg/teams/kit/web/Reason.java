package cn.org.kczg.teams.kit.web;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an action that may carry a written reason (kept in the audit trail); see {@link RequiredReason}. */
@Schema(description = "An action's body with an optional written reason, kept in the audit trail.")
public record Reason(@Schema(description = "Why (optional, up to 2,000 characters).", example = "材料齐全，符合第五条")
        @Size(max = 2000) String reason) {
}
