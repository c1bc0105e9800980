package cn.org.kczg.teams.kit.privacy;

import java.util.List;

/**
 * A table with columns of retention class RECORD (docs/personal-data.md): login ids and names on a record (a decision,
 * a review, a report, an assessment) that stay as long as the record's archive, {@code kczg.retention.record} after
 * the end of the year the record concerns, and are then overwritten ({@link RecordRetention}); the record stays.
 *
 * @param entity   the entity, as the inventory names it
 * @param table    the table
 * @param key      its primary key column
 * @param year     SQL giving the year (Beijing time) the row concerns, over the table's own columns
 * @param accounts columns of login ids: become {@value RecordRetention#EXPIRED}
 * @param names    columns of names: become {@value Erasures#ERASED_NAME}
 * @param json     for a JSON column of login ids, {@code column = expression} overwriting them (else null)
 * @param jsonHeld for that column, SQL true while it still holds one (else null)
 * @param version  the optimistic-lock column to bump, or null
 */
public record RecordTable(String entity, String table, String key, String year, List<String> accounts,
        List<String> names, String json, String jsonHeld, String version) {
    public RecordTable {
        accounts = List.copyOf(accounts);
        names = List.copyOf(names);
    }

    /** A table keyed by {@code id} whose login ids (and no names) are RECORD. */
    public static RecordTable of(String entity, String table, String year, String version, String... accounts) {
        return new RecordTable(entity, table, "id", year, List.of(accounts), List.of(), null, null, version);
    }

    /** The year of a timestamp column as a Beijing calendar has it. */
    public static String yearOf(String timestamp) {
        return "cast(extract(year from " + timestamp + " at time zone 'Asia/Shanghai') as integer)";
    }
}
