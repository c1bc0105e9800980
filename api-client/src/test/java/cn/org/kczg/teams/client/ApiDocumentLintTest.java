package cn.org.kczg.teams.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules integrators rely on, over the document the client is generated from (a spectral ruleset, as a test):
 * each rule lists every place that breaks it, so a regression names itself.
 */
class ApiDocumentLintTest {
    static final Path DOCUMENT = Path.of("src/main/openapi/kczg-api.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern OPERATION_ID = Pattern.compile("^[a-z][A-Za-z0-9]+$");
    private static final Pattern SCHEMA_NAME = Pattern.compile("^[A-Z][A-Za-z]*[A-Za-z]$");
    private static final Pattern TAG_NAME = Pattern.compile("^[A-Z][A-Za-z ]+$");
    private static final Set<String> ENUM_LIKE = Set.of("status", "kind", "category", "grade", "state", "priority",
            "source", "outcome", "role");
    private static final String PROBLEM = "#/components/schemas/Problem";

    private static JsonNode doc;

    @BeforeAll
    static void read() throws Exception {
        doc = new ObjectMapper().readTree(DOCUMENT.toFile());
    }

    private static void eachOperation(BiConsumer<String, JsonNode> check) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                check.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
    }

    private static void none(String rule, List<String> breaking) {
        assertTrue(breaking.isEmpty(), rule + " — " + breaking.size() + " break it: " + breaking);
    }

    @Test
    void everyOperationHasAUniqueOperationIdASummaryADescriptionAndOneTag() {
        List<String> breaking = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Set<String> summaries = new HashSet<>();
        eachOperation((name, op) -> {
            String id = op.path("operationId").asText("");
            if (!OPERATION_ID.matcher(id).matches()) {
                breaking.add(name + ": operationId '" + id + "'");
            } else if (ids.put(id, name) != null) {
                breaking.add(name + ": operationId '" + id + "' also on " + ids.get(id));
            }
            if (op.path("summary").asText("").isBlank() || !summaries.add(op.path("summary").asText())) {
                breaking.add(name + ": no summary of its own");
            }
            String description = op.path("description").asText("");
            if (description.replaceAll("(?s)\\n*Roles: .*$", "").isBlank()) {
                breaking.add(name + ": no description");
            }
            if (op.path("tags").size() != 1) {
                breaking.add(name + ": tags " + op.path("tags"));
            }
        });
        none("operationId, summary, description, one tag", breaking);
    }

    @Test
    void everyOperationStatesItsRolesAndTheOneBearerScheme() {
        List<String> breaking = new ArrayList<>();
        eachOperation((name, op) -> {
            boolean isPublic = name.contains(" /api/v1/public/");
            JsonNode security = op.path("security");
            boolean bearer = security.size() == 1 && security.get(0).has("bearer") && security.get(0).size() == 1;
            if (isPublic ? security.size() != 0 : !bearer) {
                breaking.add(name + ": security " + security);
            }
            if (!isPublic && (op.path("x-kczg-roles").isEmpty()
                    || !op.path("description").asText("").contains("Roles: "))) {
                breaking.add(name + ": roles not stated");
            }
        });
        doc.path("components").path("securitySchemes").fieldNames().forEachRemaining(scheme -> {
            if (!scheme.equals("bearer")) {
                breaking.add("scheme " + scheme);
            }
        });
        none("bearer only, roles in x-kczg-roles and the description", breaking);
    }

    @Test
    void everyErrorIsAProblemAndTheUsualOnesAreDeclared() {
        List<String> breaking = new ArrayList<>();
        eachOperation((name, op) -> {
            JsonNode responses = op.path("responses");
            List<String> expected = new ArrayList<>(List.of("400", "429", "500", "502", "503", "504"));
            if (!name.contains(" /api/v1/public/")) {
                expected.addAll(List.of("401", "403"));
            }
            if (name.contains("{")) {
                expected.add("404");
            }
            expected.stream().filter(status -> !responses.has(status))
                    .forEach(status -> breaking.add(name + ": no " + status));
            responses.fields().forEachRemaining(r -> {
                if ((r.getKey().startsWith("4") || r.getKey().startsWith("5"))
                        && !PROBLEM.equals(r.getValue().at("/content/application~1problem+json/schema/$ref").asText())) {
                    breaking.add(name + " " + r.getKey() + ": not a Problem");
                }
                if (!r.getValue().path("headers").has("X-Request-Id")) {
                    breaking.add(name + " " + r.getKey() + ": no X-Request-Id");
                }
                if (r.getValue().path("description").asText("").isBlank()) {
                    breaking.add(name + " " + r.getKey() + ": no description");
                }
            });
            JsonNode limited = responses.path("429").path("headers");
            if (!limited.has("Retry-After")) {
                breaking.add(name + " 429: no Retry-After");
            }
        });
        none("problem+json errors, the usual statuses, X-Request-Id and Retry-After", breaking);
    }

    @Test
    void everySuccessIsTypedAndEveryCreateSays201WithLocation() {
        List<String> breaking = new ArrayList<>();
        eachOperation((name, op) -> {
            op.path("responses").fields().forEachRemaining(r -> {
                if (!r.getKey().startsWith("2")) {
                    return;
                }
                r.getValue().path("content").fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        breaking.add(name + " " + r.getKey() + " " + media.getKey() + ": untyped");
                    }
                });
                if (r.getKey().equals("201") && !r.getValue().path("headers").has("Location")) {
                    breaking.add(name + " 201: no Location");
                }
            });
            JsonNode first = op.at("/responses/200/content");
            if (first.isObject() && first.size() > 1 && !first.fieldNames().next().equals("application/json")) {
                breaking.add(name + ": JSON is not the first answer");
            }
        });
        none("typed successes, 201 with Location, JSON first", breaking);
    }

    @Test
    void everyParameterIsDescribedTypedAndInPathOrder() {
        List<String> breaking = new ArrayList<>();
        eachOperation((name, op) -> {
            String path = name.substring(name.indexOf(' ') + 1);
            int lastPathIndex = -1;
            for (JsonNode parameter : op.path("parameters")) {
                String p = parameter.path("name").asText();
                JsonNode schema = parameter.path("schema");
                if (parameter.path("description").asText("").isBlank()) {
                    breaking.add(name + " " + p + ": no description");
                }
                if (ENUM_LIKE.contains(p) && !schema.has("enum") && !schema.has("$ref")
                        && !schema.path("items").has("enum") && !schema.path("items").has("$ref")) {
                    breaking.add(name + " " + p + ": a plain string where an enum exists");
                }
                if ((p.endsWith("Since") || p.endsWith("At") || p.equals("day") || p.endsWith("Date")
                        || p.equals("from") || p.equals("to")) && !schema.has("format")) {
                    breaking.add(name + " " + p + ": a date or time without format");
                }
                if ("path".equals(parameter.path("in").asText())) {
                    int at = path.indexOf("{" + p + "}");
                    if (at < lastPathIndex) {
                        breaking.add(name + " " + p + ": out of path order");
                    }
                    lastPathIndex = at;
                }
            }
        });
        none("described, typed parameters in path order", breaking);
    }

    @Test
    void everyPatchIsAMergePatchWithItsOwnSchema() {
        List<String> breaking = new ArrayList<>();
        eachOperation((name, op) -> {
            if (name.startsWith("PATCH ")) {
                String ref = op.at("/requestBody/content/application~1merge-patch+json/schema/$ref").asText("");
                if (!ref.endsWith("Patch")) {
                    breaking.add(name + ": " + op.path("requestBody").path("content"));
                }
            }
        });
        none("PATCH takes application/merge-patch+json with a …Patch schema", breaking);
    }

    @Test
    void everySchemaAndPropertyIsDescribedAndMeaningfullyNamed() {
        List<String> breaking = new ArrayList<>();
        JsonNode schemas = doc.path("components").path("schemas");
        schemas.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode schema = e.getValue();
            if (!SCHEMA_NAME.matcher(name).matches() || Set.of("UUID", "Instant", "LocalDate").contains(name)) {
                breaking.add(name + ": not a meaningful model name");
            }
            if (schema.path("description").asText("").isBlank()) {
                breaking.add(name + ": no description");
            }
            schema.path("properties").fields().forEachRemaining(p -> {
                JsonNode property = p.getValue();
                boolean described = !property.path("description").asText("").isBlank()
                        || (property.has("$ref") && !referenced(property).path("description").asText("").isBlank());
                if (!described) {
                    breaking.add(name + "." + p.getKey() + ": no description");
                }
            });
        });
        none("described, meaningfully named schemas and properties", breaking);
    }

    /** What an operation answers, and the items of a page it answers (nested value objects may be all optional). */
    @Test
    void everyResponseModelNamesItsRequiredFields() {
        List<String> breaking = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        eachOperation((name, op) -> op.path("responses").fields().forEachRemaining(r -> {
            if (r.getKey().startsWith("2")) {
                r.getValue().path("content").forEach(media -> {
                    JsonNode schema = media.path("schema");
                    if (schema.has("$ref")) {
                        answered.add(schema.path("$ref").asText());
                        JsonNode items = referenced(schema).at("/properties/items/items");
                        if (items.has("$ref")) {
                            answered.add(items.path("$ref").asText());
                        }
                    }
                });
            }
        }));
        for (String ref : answered) {
            JsonNode schema = doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
            if (schema.has("properties") && schema.path("required").isEmpty()) {
                breaking.add(ref.substring(ref.lastIndexOf('/') + 1));
            }
        }
        assertTrue(answered.size() > 40, "only " + answered.size() + " response models");
        none("response models name their required fields", breaking);
    }

    @Test
    void everyTagIsShortPlainAndDescribed() {
        List<String> breaking = new ArrayList<>();
        for (JsonNode tag : doc.path("tags")) {
            if (!TAG_NAME.matcher(tag.path("name").asText()).matches()
                    || tag.path("description").asText("").isBlank()) {
                breaking.add(tag.path("name").asText());
            }
        }
        none("tags: plain names (they become class names), with descriptions", breaking);
    }

    private static JsonNode referenced(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

}
