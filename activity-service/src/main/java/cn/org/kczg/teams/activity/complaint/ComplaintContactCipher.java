package cn.org.kczg.teams.activity.complaint;

import cn.org.kczg.teams.kit.crypto.EncryptedColumn;
import cn.org.kczg.teams.kit.crypto.EncryptedString;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The complainant's contact, sealed at rest (issue 24), with its keyed hash in {@code contact_hash}. */
public class ComplaintContactCipher extends EncryptedString {
    static final EncryptedColumn COLUMN = new EncryptedColumn("complaint", "contact", "contact_hash");

    public ComplaintContactCipher() {
        super(COLUMN);
    }

    /** The column for the kit's re-encryption job. */
    @Dependent
    static class Column {
        @Produces
        @Singleton
        EncryptedColumn column() {
            return COLUMN;
        }
    }
}
