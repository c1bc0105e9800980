package cn.org.kczg.teams.kit.crypto;

import java.util.List;

/**
 * A column of this service's schema whose values are sealed by {@link FieldCipher} (through an {@link EncryptedString}
 * or {@link EncryptedJson} converter named {@link #name()}), with the column of its equality hash if it has one.
 * A service produces one bean per column; {@link ReencryptionJob} walks them all, row by row in the order of the
 * table's {@link #key()} column ({@code id} unless said otherwise).
 * <p>
 * A {@code jsonb} column that stays JSON but holds some of its string values sealed ({@link EncryptedJsonParts})
 * names those values' {@link #parts()}, dotted paths such as {@code handler.phone}; each part is sealed as
 * {@code table.column.part} ({@link #partName}) and the column itself is not.
 */
public record EncryptedColumn(String table, String column, String hashColumn, String key, List<String> parts) {
    private static final String IDENTIFIER = "[a-z_][a-z0-9_]*";
    private static final String PART = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*";

    public EncryptedColumn {
        for (String identifier : new String[] {table, column, hashColumn, key}) {
            if (identifier != null && !identifier.matches(IDENTIFIER)) {
                throw new IllegalArgumentException("not an SQL identifier: " + identifier);
            }
        }
        parts = parts == null ? List.of() : List.copyOf(parts);
        for (String part : parts) {
            if (!part.matches(PART)) {
                throw new IllegalArgumentException("not a dotted JSON path: " + part);
            }
        }
        if (!parts.isEmpty() && hashColumn != null) {
            throw new IllegalArgumentException(table + "." + column + ": sealed parts have no hash column");
        }
        key = key == null ? "id" : key;
    }

    public EncryptedColumn(String table, String column, String hashColumn) {
        this(table, column, hashColumn, "id", List.of());
    }

    public EncryptedColumn(String table, String column) {
        this(table, column, null);
    }

    /** A {@code jsonb} column kept as JSON whose string values at {@code parts} (dotted paths) are sealed. */
    public static EncryptedColumn jsonParts(String table, String column, String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException(table + "." + column + ": no parts to seal");
        }
        return new EncryptedColumn(table, column, null, "id", List.of(parts));
    }

    /** The same column in a table whose key column is {@code key} (a table without {@code id}). */
    public EncryptedColumn keyedBy(String key) {
        return new EncryptedColumn(table, column, hashColumn, key, parts);
    }

    /** {@code table.column}: part of every sealed value's associated data. */
    public String name() {
        return table + "." + column;
    }

    /** {@code table.column.part}: the associated data of one sealed part. */
    public String partName(String part) {
        return name() + "." + part;
    }
}
