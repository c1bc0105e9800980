package cn.org.kczg.teams.kit.crypto;

/**
 * A column of this service's schema whose values are sealed by {@link FieldCipher} (through an {@link EncryptedString}
 * or {@link EncryptedJson} converter named {@link #name()}), with the column of its equality hash if it has one.
 * A service produces one bean per column; {@link ReencryptionJob} walks them all. The table's key column is
 * {@code id}.
 */
public record EncryptedColumn(String table, String column, String hashColumn) {
    public EncryptedColumn {
        for (String identifier : new String[] {table, column, hashColumn}) {
            if (identifier != null && !identifier.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not an SQL identifier: " + identifier);
            }
        }
    }

    public EncryptedColumn(String table, String column) {
        this(table, column, null);
    }

    /** {@code table.column}: part of every sealed value's associated data. */
    public String name() {
        return table + "." + column;
    }
}
