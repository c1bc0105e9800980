package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.kit.crypto.EncryptedColumn;
import cn.org.kczg.teams.kit.crypto.EncryptedJson;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The demand side's contact person (name, phone, e-mail) as sealed JSON (issue 24). */
public class TicketContactCipher extends EncryptedJson<TicketDtos.Contact> {
    static final EncryptedColumn COLUMN = new EncryptedColumn("ticket", "contact");

    public TicketContactCipher() {
        super(COLUMN, TicketDtos.Contact.class);
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
