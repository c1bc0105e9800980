package cn.org.kczg.teams.kit.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Brings every {@link EncryptedColumn} of the service under the current key and cipher: a value sealed under another
 * key (a rotation), or written before encryption (plain text), is read and sealed anew; a missing equality hash is
 * computed. A {@code jsonb} column with sealed parts is walked part by part, each set back in place. Batches of
 * {@code kczg.crypto.reencrypt.batch-size} rows, each its own transaction, walking the table by
 * its key column; a value is rewritten only if it still holds what was read, so several instances and concurrent writes
 * are safe. Runs {@code kczg.crypto.reencrypt.delay} after start and every {@code kczg.crypto.reencrypt.every}.
 */
@ApplicationScoped
public class ReencryptionJob {
    private static final Logger LOG = Logger.getLogger(ReencryptionJob.class);

    /** What a run did: values rewritten, values that could not be read (unknown key, tampered). */
    public record Result(int rewritten, int failed) {
        Result plus(Result other) {
            return new Result(rewritten + other.rewritten, failed + other.failed);
        }
    }

    @Inject
    Instance<EncryptedColumn> columns;
    @Inject
    Instance<FieldCipher> cipher;
    @Inject
    Instance<FieldHash> hash;
    @Inject
    EntityManager em;
    @Inject
    CryptoConfig config;

    /** A service with sealed columns does not start without its keys (rather than failing its first write). */
    void keysPresent(@Observes StartupEvent event) {
        if (columns.iterator().hasNext()) {
            cipher.get().currentKey();
            hash.get().of("");
        }
    }

    @Scheduled(identity = "kczg-reencrypt", every = "${kczg.crypto.reencrypt.every}",
            delayed = "${kczg.crypto.reencrypt.delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.reencrypt().enabled() && columns.iterator().hasNext()) {
            Result result = run();
            if (result.rewritten() > 0 || result.failed() > 0) {
                LOG.infof("Re-encryption under key %s: %d values rewritten, %d unreadable", cipher.get().currentKey(),
                        result.rewritten(), result.failed());
            }
        }
    }

    public Result run() {
        Result total = new Result(0, 0);
        for (EncryptedColumn column : columns) {
            if (column.parts().isEmpty()) {
                total = total.plus(walk(column, Target.of(column)));
            } else {
                for (String part : column.parts()) {
                    total = total.plus(walk(column, Target.of(column, part)));
                }
            }
        }
        return total;
    }

    /**
     * One sealed value per row: a column, or one part of a {@code jsonb} column ({@code column #>> '{a,b}'}, set back
     * with {@code jsonb_set}); {@code name} is its associated data.
     */
    private record Target(String name, String value, String set) {
        static Target of(EncryptedColumn c) {
            return new Target(c.name(), c.column(), c.column() + " = :sealed");
        }

        static Target of(EncryptedColumn c, String part) {
            String path = "'{" + part.replace('.', ',') + "}'";
            return new Target(c.partName(part), "(" + c.column() + " #>> " + path + ")",
                    c.column() + " = jsonb_set(" + c.column() + ", " + path + ", to_jsonb(cast(:sealed as text)))");
        }
    }

    private Result walk(EncryptedColumn c, Target t) {
        FieldCipher fieldCipher = cipher.get();
        String prefix = fieldCipher.currentPrefix();
        String stale = "(left(" + t.value() + ", " + prefix.length() + ") <> :prefix"
                + (c.hashColumn() == null ? "" : " or " + c.hashColumn() + " is null") + ")";
        String select = "select " + c.key() + ", " + t.value() + " from " + c.table() + " where " + t.value()
                + " is not null and " + stale;
        String update = "update " + c.table() + " set " + t.set()
                + (c.hashColumn() == null ? "" : ", " + c.hashColumn() + " = :hash")
                + " where " + c.key() + " = :id and " + t.value() + " = :was";
        Result total = new Result(0, 0);
        Object after = null;
        while (true) {
            Object from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(c, t.name(), fieldCipher, select, update,
                    prefix, from));
            total = total.plus(batch.result());
            if (batch.last() == null) {
                return total;
            }
            after = batch.last();
        }
    }

    private record Batch(Result result, Object last) {
    }

    @SuppressWarnings("unchecked")
    private Batch batch(EncryptedColumn c, String name, FieldCipher fieldCipher, String select, String update,
            String prefix, Object after) {
        var query = em.createNativeQuery(select + (after == null ? "" : " and " + c.key() + " > :after") + " order by "
                + c.key() + " limit :n")
                .setParameter("prefix", prefix).setParameter("n", config.reencrypt().batchSize());
        if (after != null) {
            query.setParameter("after", after);
        }
        List<Object[]> rows = query.getResultList();
        int rewritten = 0;
        int failed = 0;
        for (Object[] row : rows) {
            String was = (String) row[1];
            String plain;
            try {
                plain = fieldCipher.decrypt(was, name);
            } catch (FieldCipher.UndecryptableException e) {
                // a key other than id may be personal (a login id): not logged
                LOG.warnf("%s of row %s cannot be re-encrypted: %s", name, "id".equals(c.key()) ? row[0] : "?",
                        e.getMessage());
                failed++;
                continue;
            }
            String sealed = fieldCipher.isCurrent(was) ? was : fieldCipher.encrypt(plain, name);
            var change = em.createNativeQuery(update).setParameter("sealed", sealed).setParameter("id", row[0])
                    .setParameter("was", was);
            if (c.hashColumn() != null) {
                change.setParameter("hash", hash.get().of(plain));
            }
            rewritten += change.executeUpdate();
        }
        return new Batch(new Result(rewritten, failed),
                rows.size() < config.reencrypt().batchSize() ? null : Objects.requireNonNull(rows.get(rows.size() - 1)[0]));
    }
}
