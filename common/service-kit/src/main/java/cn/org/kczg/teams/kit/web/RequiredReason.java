package cn.org.kczg.teams.kit.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of an action that must carry a written reason (kept in the audit trail): declining, rejecting, revoking. */
public record RequiredReason(@NotBlank @Size(max = 2000) String reason) {
}
