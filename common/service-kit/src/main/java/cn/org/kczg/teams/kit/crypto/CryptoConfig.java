package cn.org.kczg.teams.kit.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Encryption at rest of contact fields (issue 24): the cipher new values are sealed with, the keys by id, the key of
 * the equality hashes and the re-encryption job. No key is built in: {@code ./kczg up} makes them in
 * {@code $KCZG_HOME/keys}, Kubernetes mounts them from the Secret {@code kczg-field-keys}, tests have fixed ones.
 */
@ConfigMapping(prefix = "kczg.crypto")
public interface CryptoConfig {
    /** {@code AES-GCM} (AES-256-GCM) or {@code SM4-GCM} (GB/T 32907): the cipher of values written from now on. */
    @WithDefault("AES-GCM")
    String cipher();

    /** Keys by id, base64: 32 bytes for AES-GCM, 16 for SM4-GCM. */
    Map<String, String> keys();

    /** A directory with a file per key (its name the id, its content the base64 key): a Secret's volume. */
    Optional<Path> keyDir();

    /** The id of the key values are written under; the others are only read. */
    Optional<String> currentKey();

    /** The equality hashes' MAC: {@code HMAC-SHA256} or {@code HMAC-SM3}. */
    @WithDefault("HMAC-SHA256")
    String hashAlgorithm();

    /** Base64, at least 16 bytes; changing it means emptying the hash columns, which the job then refills. */
    Optional<String> hashKey();

    Reencrypt reencrypt();

    interface Reencrypt {
        /** Whether the job runs on its schedule (it always can be run by hand). */
        @WithDefault("true")
        boolean enabled();

        /** Rows per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How often it runs (the schedule reads it). */
        @WithDefault("6h")
        String every();

        /** How long after start it first runs. */
        @WithDefault("30s")
        String delay();
    }
}
