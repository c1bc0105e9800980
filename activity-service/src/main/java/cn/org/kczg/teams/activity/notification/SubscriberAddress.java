package cn.org.kczg.teams.activity.notification;

import cn.org.kczg.teams.kit.crypto.EncryptedColumn;
import cn.org.kczg.teams.kit.crypto.FieldCipher;
import cn.org.kczg.teams.kit.crypto.FieldHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The e-mail address a person gave for notices, sealed in {@code notification_subscriber.email} with its keyed hash
 * beside it in {@code email_hash} (issue 24), so erasure by contact finds it by equality. Queued mails keep no copy:
 * the mailer opens the subscriber's address when it sends.
 */
@ApplicationScoped
public class SubscriberAddress {
    static final EncryptedColumn COLUMN = new EncryptedColumn("notification_subscriber", "email", "email_hash")
            .keyedBy("subject");

    @Inject
    FieldCipher cipher;
    @Inject
    FieldHash hash;

    public String seal(String address) {
        return cipher.encrypt(address, COLUMN.name());
    }

    /** The address as given; one stored before sealing as it is. */
    public String open(String stored) {
        return cipher.decrypt(stored, COLUMN.name());
    }

    public String hash(String address) {
        return hash.of(address);
    }

    /** The column for the kit's re-encryption job. */
    @Produces
    @Singleton
    EncryptedColumn column() {
        return COLUMN;
    }
}
