package cn.org.kczg.teams.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One OpenAPI document from the services' own: every {@code /api/v1} path (marked {@code x-kczg-service}),
 * their schemas (a name two services use for different shapes is prefixed with the later service's name and
 * its references rewritten), the bearer scheme for every operation except the public ones, and Chinese
 * request examples for the main request bodies.
 */
final class OpenApiMerger {
    static final String SERVICE = "x-kczg-service";
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiMerger() {
    }

    /**
     * @param docs     service name → its document, in a stable order
     * @param examples {@code "post /api/v1/lead-units"} → example request body
     */
    static ObjectNode merge(Map<String, JsonNode> docs, Map<String, JsonNode> examples) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", docs.values().stream().map(d -> d.path("openapi").asText(null))
                .filter(v -> v != null).findFirst().orElse("3.1.0"));
        merged.putObject("info").put("title", "科创中国 S&T Service Team platform API")
                .put("version", "v1")
                .put("description", "One document for all services behind the gateway (registration, review, "
                        + "activity, evaluation). Send a bearer JWT except on /api/v1/public/**.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        docs.forEach((service, original) -> {
            JsonNode doc = original.deepCopy();
            Map<String, String> renamed = new HashMap<>();
            doc.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
                JsonNode existing = schemas.get(name);
                if (existing != null && !existing.equals(doc.path("components").path("schemas").get(name))) {
                    renamed.put(name, capitalised(service) + "_" + name);
                }
            });
            rewriteRefs(doc, renamed);
            doc.path("components").path("schemas").fields().forEachRemaining(e -> schemas.set(
                    renamed.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
            doc.path("paths").fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("/api/")) {
                    ObjectNode item = (ObjectNode) e.getValue();
                    item.put(SERVICE, service);
                    paths.set(e.getKey(), item);
                }
            });
            doc.path("tags").forEach(tag -> {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            });
        });
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "RS256 token from the kczg.org.cn identity provider (issuer https://kczg.org.cn, "
                        + "audience kczg-teams); roles in the groups claim.");
        merged.putArray("security").addObject().putArray("bearer");
        paths.fields().forEachRemaining(path -> operations(path.getValue()).forEach(op -> {
            ObjectNode operation = (ObjectNode) op.getValue();
            statePolicy(operation, path.getKey().startsWith("/api/v1/public/"));
            JsonNode example = examples.get(op.getKey() + " " + path.getKey());
            JsonNode media = operation.path("requestBody").path("content").path("application/json");
            if (example != null && media instanceof ObjectNode mediaType) {
                mediaType.set("example", example);
            }
        }));
        return merged;
    }

    /**
     * One scheme for every operation: a service's document requires its own {@code SecurityScheme} with the roles
     * of {@code @RolesAllowed} in it, a scheme no client knows. The roles move to {@code x-kczg-roles} and the
     * description, the requirement becomes {@code bearer} (none for the public paths).
     */
    static final String ANY_ROLE = "signed-in";

    static void statePolicy(ObjectNode operation, boolean isPublic) {
        Set<String> roles = new TreeSet<>();
        operation.path("security").forEach(requirement -> requirement.forEach(scopes ->
                scopes.forEach(role -> roles.add(role.asText()))));
        ArrayNode security = operation.putArray("security");
        if (!isPublic) {
            security.addObject().putArray("bearer");
        }
        if (roles.isEmpty() && !isPublic) {
            roles.add(ANY_ROLE); // a token of any role: the services refuse none without one (401)
        }
        if (!roles.isEmpty()) {
            ArrayNode listed = operation.putArray("x-kczg-roles");
            roles.forEach(listed::add);
            String said = "Roles: " + String.join(", ", roles) + ".";
            String description = operation.path("description").asText("");
            operation.put("description", description.isBlank() ? said : description + "\n\n" + said);
        }
    }

    private static List<Map.Entry<String, JsonNode>> operations(JsonNode pathItem) {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        pathItem.fields().forEachRemaining(e -> {
            if (METHODS.contains(e.getKey())) {
                operations.add(e);
            }
        });
        return operations;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renamed.containsKey(name)) {
                    object.put("$ref", SCHEMA_REF + renamed.get(name));
                }
            }
            object.forEach(child -> rewriteRefs(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renamed));
        }
    }

    private static String capitalised(String service) {
        return Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }
}
