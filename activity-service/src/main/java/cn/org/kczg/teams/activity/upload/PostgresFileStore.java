package cn.org.kczg.teams.activity.upload;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Files as {@code bytea} rows of {@code stored_file}, streamed both ways. In: {@code setBinaryStream} with the
 * length, which the PostgreSQL driver copies from the stream into the statement 8 KB at a time. Out: slices of
 * {@link #CHUNK} bytes ({@code substring}), each read on a pooled connection taken for that slice only; the column
 * is stored uncompressed (V10), so PostgreSQL reads just the slice's pages.
 */
@ApplicationScoped
public class PostgresFileStore implements FileStore {
    /** The most of a file in memory at once on the way out. */
    static final int CHUNK = 256 * 1024;

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID put(InputStream content, long size, String contentType, String sha256) {
        UUID id = UUID.randomUUID();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into stored_file (id, content_type, size, sha256, bytes) values (?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, contentType);
                insert.setLong(3, size);
                insert.setString(4, sha256);
                insert.setBinaryStream(5, content, size);
                insert.executeUpdate();
            }
        });
        return id;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("delete from stored_file where id in (:ids)").setParameter("ids", ids).executeUpdate();
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalLong size(UUID id) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select size from stored_file where id = :id").setParameter("id", id)
                .getResultList();
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(rows.get(0).longValue());
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void copyTo(UUID id, OutputStream out) throws IOException {
        long size = storedSize(id);
        for (long offset = 0; offset < size; offset += CHUNK) {
            out.write(slice(id, offset, (int) Math.min(CHUNK, size - offset)));
        }
    }

    private long storedSize(UUID id) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select size from stored_file where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IOException("no stored file " + id);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IOException("reading stored file " + id, e);
        }
    }

    private byte[] slice(UUID id, long offset, int length) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select substring(bytes from ? for ?) from stored_file where id = ?")) {
            select.setInt(1, Math.toIntExact(offset + 1));
            select.setInt(2, length);
            select.setObject(3, id);
            try (ResultSet rs = select.executeQuery()) {
                byte[] bytes = rs.next() ? rs.getBytes(1) : null;
                if (bytes == null || bytes.length != length) {
                    throw new IOException("stored file " + id + " has no " + length + " bytes at " + offset);
                }
                return bytes;
            }
        } catch (SQLException e) {
            throw new IOException("reading stored file " + id + " at " + offset, e);
        }
    }
}
