package cn.org.kczg.teams.registration.leadunit;

import cn.org.kczg.teams.kit.crypto.EncryptedColumn;
import cn.org.kczg.teams.kit.crypto.EncryptedString;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The lead unit's contact phone and e-mail, sealed at rest (issue 24); the contact's name is not (yet). */
public final class LeadUnitCiphers {
    static final EncryptedColumn PHONE = new EncryptedColumn("lead_unit", "contact_phone");
    static final EncryptedColumn EMAIL = new EncryptedColumn("lead_unit", "contact_email");

    private LeadUnitCiphers() {
    }

    public static class Phone extends EncryptedString {
        public Phone() {
            super(PHONE);
        }
    }

    public static class Email extends EncryptedString {
        public Email() {
            super(EMAIL);
        }
    }

    /** The columns for the kit's re-encryption job. */
    @Dependent
    static class Columns {
        @Produces
        @Singleton
        EncryptedColumn phone() {
            return PHONE;
        }

        @Produces
        @Singleton
        EncryptedColumn email() {
            return EMAIL;
        }
    }
}
