package cn.org.kczg.teams.kit.web;

import jakarta.validation.constraints.Size;

/** The body of an action that may or must carry a written reason (kept in the audit trail). */
public record Reason(@Size(max = 2000) String reason) {
}
