package cn.org.kczg.teams.activity.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Where uploaded files live; PostgreSQL today, an object store can take its place. Files go in and come out as
 * streams: none is ever held whole in memory.
 */
public interface FileStore {
    /** Stores exactly {@code size} bytes read from {@code content} in the caller's transaction and returns their id. */
    UUID put(InputStream content, long size, String contentType, String sha256);

    /** Removes the files in the caller's transaction (ids of files no longer there are passed over). */
    void delete(Collection<UUID> ids);

    /** The stored file's size, or empty when there is no such file. */
    OptionalLong size(UUID id);

    /**
     * Writes the file to {@code out} a bounded chunk at a time. Stored files never change, so this needs no
     * transaction and holds no database connection between chunks (a slow client holds none).
     */
    void copyTo(UUID id, OutputStream out) throws IOException;
}
