package cn.org.kczg.teams.gateway.securitylog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A chain's head as the gateway published it, kept outside the log's storage (a Kafka topic, keyed by
 * {@code chain}): the log must still reach line {@code seq} with {@code hash} — a cut tail does not.
 */
public record Anchor(String chain, long seq, String hash, Instant at) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String json() {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("chain", chain);
        fields.put("seq", seq);
        fields.put("hash", hash);
        fields.put("at", at.toString());
        return ChainedLines.canonical(fields);
    }

    /** The anchor a record holds; empty for anything else (the topic is not the verifier's to trust blindly). */
    public static Optional<Anchor> parse(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.path("chain").isTextual() || !node.path("seq").canConvertToLong()
                    || !node.path("hash").isTextual() || !node.path("at").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Anchor(node.get("chain").asText(), node.get("seq").asLong(),
                    node.get("hash").asText(), Instant.parse(node.get("at").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
