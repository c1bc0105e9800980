package cn.org.kczg.teams.kit.paging;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where a keyset page starts: the sort it was made for, the number of the page it opens and the sort values of the
 * last record before it. Opaque to clients (base64url JSON); one made for another sort, or altered, is a 400 naming
 * {@code cursor}.
 */
record Cursor(String sort, int page, List<Object> key) {
    static final int MAX_LENGTH = 1024;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    String encode() {
        ObjectNode node = JSON.createObjectNode().put("s", sort).put("p", page);
        ArrayNode values = node.putArray("k");
        key.forEach(v -> values.add(JSON.valueToTree(v)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor for {@code sort}, its key values read back as {@code types} (the sorted attributes' types). */
    static Cursor decode(String text, String sort, List<Class<?>> types) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(text));
            JsonNode values = node.get("k");
            if (!node.path("s").asText("").equals(sort) || !node.path("p").canConvertToInt() || node.get("p").intValue() < 1
                    || values == null || !values.isArray() || values.size() != types.size()) {
                throw invalid();
            }
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                key.add(values.get(i).isNull() ? null : JSON.treeToValue(values.get(i), types.get(i)));
            }
            return new Cursor(sort, node.get("p").intValue(), key);
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) { // not base64, not JSON, a value of the wrong type: all the same to the caller
            throw invalid();
        }
    }

    static ProblemException invalid() {
        return ProblemException.invalid("cursor", Text.of("cursor.invalid"));
    }
}
