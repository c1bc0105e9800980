package cn.org.kczg.teams.kit.web;

import jakarta.validation.constraints.Size;

/** The body of an action that may carry a written reason (kept in the audit trail); see {@link RequiredReason}. */
public record Reason(@Size(max = 2000) String reason) {
}
