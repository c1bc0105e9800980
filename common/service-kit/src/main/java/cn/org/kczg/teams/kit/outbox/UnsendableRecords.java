package cn.org.kczg.teams.kit.outbox;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The producer failures that no retry can cure for that record: it is parked. Everything else — the broker away,
 * a leader moving, even an authorisation error a fixed ACL will cure — is retried with back-off.
 */
final class UnsendableRecords {
    private UnsendableRecords() {
    }

    static boolean isUnsendable(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException
                || failure instanceof SerializationException;
    }
}
