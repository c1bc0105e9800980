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
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
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
        inlineScalars(merged);
        paths.fields().forEachRemaining(path -> operations(path.getValue()).forEach(op -> {
            ObjectNode operation = (ObjectNode) op.getValue();
            boolean isPublic = path.getKey().startsWith("/api/v1/public/");
            statePolicy(operation, isPublic);
            edgeResponses(operation, isPublic);
            pathParametersInPathOrder(path.getKey(), operation);
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

    /**
     * What the gateway itself adds to every answer: 401/403 before a service is asked (none on the public paths), 429
     * from the rate limit, 502/503/504 when the service cannot be reached or does not answer, each a problem; the
     * {@code X-Request-Id} and the caller's rate-limit budget ({@code RateLimit-Limit}, {@code RateLimit-Remaining})
     * on every answer.
     */
    static void edgeResponses(ObjectNode operation, boolean isPublic) {
        ObjectNode responses = operation.with("responses");
        if (!isPublic) {
            edgeProblem(responses, "401", "No valid bearer token (code `unauthorized`).");
            edgeProblem(responses, "403", "The token's role may not do this (code `forbidden`).");
        }
        edgeProblem(responses, "429", "Too many requests from this caller (code `rate-limited`); come back after "
                + "`Retry-After` seconds.").with("headers").set("Retry-After", header(
                        "Seconds to wait before trying again.", "integer"));
        edgeProblem(responses, "502", "The service behind this path failed to answer properly (code `bad-gateway`).");
        edgeProblem(responses, "503", "The service behind this path is not reachable right now, or briefly "
                + "unavailable; nothing was changed (code `service-unavailable`); try again after `Retry-After` "
                + "seconds.").with("headers").set("Retry-After", header("Seconds to wait before trying again.",
                        "integer"));
        edgeProblem(responses, "504", "The service behind this path did not answer in time (code `gateway-timeout`).");
        responses.fields().forEachRemaining(entry -> {
            ObjectNode response = (ObjectNode) entry.getValue();
            if (response.has("$ref")) {
                return;
            }
            ObjectNode headers = response.with("headers");
            headers.set("X-Request-Id", header("The request's id (the caller's own if it sent one): quote it when "
                    + "reporting.", "string"));
            headers.set("RateLimit-Limit", header("Requests this caller may make to this group of paths per window.",
                    "integer"));
            headers.set("RateLimit-Remaining", header("Requests left in the current window.", "integer"));
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                ObjectNode content = response.with("content");
                if (!content.has(PROBLEM_MEDIA_TYPE)) {
                    content.removeAll();
                    content.putObject(PROBLEM_MEDIA_TYPE).putObject("schema").put("$ref", SCHEMA_REF + "Problem");
                }
            }
        });
    }

    private static ObjectNode edgeProblem(ObjectNode responses, String status, String description) {
        ObjectNode response = responses.with(status);
        if (response.path("description").asText("").isBlank()) {
            response.put("description", description);
        }
        return response;
    }

    private static ObjectNode header(String description, String type) {
        ObjectNode header = JSON.objectNode().put("description", description);
        header.putObject("schema").put("type", type);
        return header;
    }

    /** A client generator takes path parameters in the order declared: make it the order in the path. */
    static void pathParametersInPathOrder(String path, ObjectNode operation) {
        JsonNode parameters = operation.get("parameters");
        if (!(parameters instanceof ArrayNode list) || list.size() < 2) {
            return;
        }
        List<JsonNode> sorted = new ArrayList<>();
        list.forEach(sorted::add);
        sorted.sort(java.util.Comparator.comparingInt(parameter -> "path".equals(parameter.path("in").asText())
                ? path.indexOf("{" + parameter.path("name").asText() + "}") : Integer.MAX_VALUE));
        list.removeAll();
        sorted.forEach(list::add);
    }

    /**
     * A component that is only a string, number or boolean (SmallRye's {@code UUID}, {@code Instant},
     * {@code LocalDate} …) is written where it is used, so generators do not make classes of them; enums and objects
     * stay components.
     */
    static void inlineScalars(ObjectNode merged) {
        ObjectNode schemas = (ObjectNode) merged.path("components").path("schemas");
        Map<String, JsonNode> scalars = new HashMap<>();
        schemas.fields().forEachRemaining(e -> {
            JsonNode schema = e.getValue();
            String type = schema.path("type").isArray() ? schema.path("type").path(0).asText()
                    : schema.path("type").asText();
            if (Set.of("string", "number", "integer", "boolean").contains(type) && !schema.has("enum")
                    && !schema.has("properties")) {
                scalars.put(e.getKey(), schema);
            }
        });
        if (scalars.isEmpty()) {
            return;
        }
        inline(merged, scalars);
        scalars.keySet().forEach(schemas::remove);
    }

    private static void inline(JsonNode node, Map<String, JsonNode> scalars) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                JsonNode inlined = inlined(e.getValue(), scalars);
                if (inlined != null) {
                    e.setValue(inlined);
                } else {
                    inline(e.getValue(), scalars);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode inlined = inlined(array.get(i), scalars);
                if (inlined != null) {
                    array.set(i, inlined);
                } else {
                    inline(array.get(i), scalars);
                }
            }
        }
    }

    /** The scalar a {@code $ref} names, with the reference's own keywords (description …) kept; else null. */
    private static JsonNode inlined(JsonNode node, Map<String, JsonNode> scalars) {
        JsonNode ref = node.path("$ref");
        if (!(node instanceof ObjectNode) || !ref.isTextual() || !ref.asText().startsWith(SCHEMA_REF)) {
            return null;
        }
        JsonNode scalar = scalars.get(ref.asText().substring(SCHEMA_REF.length()));
        if (scalar == null) {
            return null;
        }
        ObjectNode replaced = scalar.deepCopy();
        node.fields().forEachRemaining(own -> {
            if (!own.getKey().equals("$ref")) {
                replaced.set(own.getKey(), own.getValue());
            }
        });
        return replaced;
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
