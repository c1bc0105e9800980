package cn.org.kczg.teams.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The operations of the gateway's merged API document ({@code /q/openapi}): what the fuzzer and the security
 * matrix go over, so that a new endpoint is covered without editing them. Event streams are left out (they never
 * end).
 */
final class ApiOperations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    final JsonNode document;
    final List<Operation> all = new ArrayList<>();

    /** One operation: {@code GET /api/v1/teams/{id}} and its part of the document. */
    record Operation(String method, String template, JsonNode spec) {
        String key() {
            return method + " " + template;
        }

        boolean hasBody() {
            return spec.has("requestBody");
        }

        /** The media type of its body: JSON, or a multipart form (uploads). Null without a body. */
        String bodyType() {
            if (!hasBody()) {
                return null;
            }
            return spec.path("requestBody").path("content").has("multipart/form-data")
                    ? "multipart/form-data; boundary=kczg" : "application/json";
        }

        /** A body that names nothing, in its own media type: {@code {}} or a form without parts. */
        String emptyBody() {
            String type = bodyType();
            return type == null ? null : type.startsWith("multipart/") ? "--kczg--\r\n" : "{}";
        }

        List<String> parameters(String in) {
            List<String> names = new ArrayList<>();
            for (JsonNode p : spec.path("parameters")) {
                if (in.equals(p.path("in").asText())) {
                    names.add(p.path("name").asText());
                }
            }
            return names;
        }

        /**
         * The path with each parameter set to a plausible value that names nothing: a year no flow uses (1999: the
         * security matrix, admitted as an operator, must not start or publish the assessment of the year the
         * evaluation flow works on), the first of an enumeration (e.g. the audit trail's area: the gateway routes by
         * it), or a new UUID.
         */
        String plausiblePath() {
            String path = template;
            for (JsonNode p : spec.path("parameters")) {
                if ("path".equals(p.path("in").asText())) {
                    JsonNode schema = p.path("schema");
                    String value = schema.has("enum") ? schema.path("enum").get(0).asText()
                            : "integer".equals(schema.path("type").asText()) ? "1999" : UUID.randomUUID().toString();
                    path = path.replace("{" + p.path("name").asText() + "}", value);
                }
            }
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    ApiOperations(SuiteHttp http) {
        try {
            document = JSON.readTree(http.send("GET", "/q/openapi?format=json", null, null, null).body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/") || path.getKey().endsWith("/stream")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    all.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
    }

    /** The JSON body's schema of an operation, its {@code $ref}s and {@code allOf} followed. */
    JsonNode bodySchema(Operation operation) {
        return resolve(operation.spec().path("requestBody").path("content").path("application/json").path("schema"));
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 5 && current.has("$ref"); depth++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        if (current.has("allOf")) {
            for (JsonNode part : current.get("allOf")) {
                JsonNode resolved = resolve(part);
                if (resolved.has("properties")) {
                    return resolved;
                }
            }
        }
        return current;
    }
}
