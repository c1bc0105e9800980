package cn.org.kczg.teams.kit.json;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396) for every PATCH of the platform: a member absent from the patch leaves the value as it is,
 * {@code null} clears it, anything else replaces it (objects merge member by member, arrays are replaced whole). The
 * result is read back into the resource's full type with the application's mapper, so every input rule, type and
 * unknown-field check of a create applies to it too (the caller then validates it like a create).
 */
public final class MergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** {@code current} with {@code patch} merged in, as a new {@code type}. */
    public static <T> T apply(ObjectMapper mapper, T current, JsonNode patch, Class<T> type)
            throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(400, "validation", Text.of("patch.not-object"));
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        return mapper.treeToValue(merged, type);
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
