package cn.org.kczg.teams.activity.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Files as {@code bytea} rows of {@code stored_file}. */
@ApplicationScoped
public class PostgresFileStore implements FileStore {
    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID put(byte[] bytes, String contentType, String sha256) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into stored_file (id, content_type, size, sha256, bytes) values (:id, :t, :s, :h, :b)")
                .setParameter("id", id).setParameter("t", contentType).setParameter("s", (long) bytes.length)
                .setParameter("h", sha256).setParameter("b", bytes).executeUpdate();
        return id;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<byte[]> get(UUID id) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("select bytes from stored_file where id = :id").setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst();
    }
}
