package cn.org.kczg.teams.gateway.securitylog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain's arithmetic, shared by the writer and the verifier: an entry is a flat JSON object; its line is the
 * entry with {@code prev} (the previous line's hash) and {@code hash} = hex SHA-256 of {@code prev} followed by the
 * entry's canonical JSON (keys sorted, no spaces, without {@code prev} and {@code hash}).
 */
public final class ChainedLines {
    /** The {@code prev} of the very first line. */
    public static final String GENESIS = "0".repeat(64);
    static final String PREV = "prev";
    static final String HASH = "hash";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ChainedLines() {
    }

    /** The line (no newline) that follows a line whose hash is {@code prev}. */
    public static String line(Map<String, Object> entry, String prev) {
        Map<String, Object> line = new TreeMap<>(entry);
        line.remove(PREV);
        line.remove(HASH);
        String hash = hash(prev, canonical(line));
        line.put(PREV, prev);
        line.put(HASH, hash);
        return canonical(line);
    }

    /** The entry of a line as written: its fields without {@code prev} and {@code hash}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String line) throws JsonProcessingException {
        return JSON.readValue(line, TreeMap.class);
    }

    public static String canonical(Map<String, Object> entry) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String hash(String prev, String canonicalEntry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prev.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(canonicalEntry.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
