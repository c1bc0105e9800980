package cn.org.kczg.teams.activity.upload;

import java.util.Optional;
import java.util.UUID;

/** Where uploaded files live; PostgreSQL today, an object store can take its place. */
public interface FileStore {
    /** Stores the bytes in the caller's transaction and returns their id. */
    UUID put(byte[] bytes, String contentType, String sha256);

    Optional<byte[]> get(UUID id);
}
