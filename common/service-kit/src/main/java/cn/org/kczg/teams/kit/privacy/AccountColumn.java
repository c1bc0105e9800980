package cn.org.kczg.teams.kit.privacy;

/**
 * A column that holds a person's login id ({@code sub}): an erasure overwrites it with the person's pseudonym. The
 * audit trail ({@code audit_entry.actor}) is not one: it is append-only and kept for its own period (AUDIT).
 */
public record AccountColumn(String entity, String field, String table, String column) {
}
