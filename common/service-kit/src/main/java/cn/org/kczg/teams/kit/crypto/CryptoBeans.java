package cn.org.kczg.teams.kit.crypto;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** {@link FieldCipher} and {@link FieldHash} from {@link CryptoConfig}, made when first used. */
public class CryptoBeans {

    @Produces
    @Singleton
    FieldCipher fieldCipher(CryptoConfig config) {
        Map<String, byte[]> keys = new HashMap<>();
        config.keyDir().ifPresent(dir -> keys.putAll(read(dir)));
        config.keys().forEach((id, key) -> keys.put(id, decode("kczg.crypto.keys." + id, key)));
        String current = config.currentKey().orElseThrow(() -> new IllegalStateException(
                "kczg.crypto.current-key is not set: the id of the key contact fields are encrypted under"));
        return new FieldCipher(keys, current.trim(), FieldAlgorithm.of(config.cipher()));
    }

    @Produces
    @Singleton
    FieldHash fieldHash(CryptoConfig config) {
        String key = config.hashKey().orElseThrow(() -> new IllegalStateException(
                "kczg.crypto.hash-key is not set: the key of the contact fields' equality hashes"));
        return new FieldHash(config.hashAlgorithm(), decode("kczg.crypto.hash-key", key));
    }

    /** A Secret's volume: a file per key; Kubernetes' own entries (..data, ..2024_…) start with a dot. */
    private static Map<String, byte[]> read(Path dir) {
        Map<String, byte[]> keys = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                if (Files.isRegularFile(file)) {
                    keys.put(file.getFileName().toString(),
                            decode(file.toString(), Files.readString(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kczg.crypto.key-dir " + dir + " cannot be read", e);
        }
        return keys;
    }

    private static byte[] decode(String where, String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not base64", e);
        }
    }
}
