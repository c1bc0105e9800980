package cn.org.kczg.teams.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * review-service's own OpenAPI document says what integrators need, before the gateway merges it with the others:
 * every operation named, summarised and described, every parameter and every schema property described, tags
 * plain and described, schema names meaningful (no {@code Status1}), the operation-specific error codes stated.
 */
@QuarkusTest
class ApiDocumentTests {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z]+[A-Z][A-Za-z]*");
    private static final Pattern TAG = Pattern.compile("[A-Z][a-z]+( [a-z]+)*");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Z][A-Za-z]*[a-z]");
    private static JsonNode doc;

    /** Read inside a test: RestAssured points at this service only once Quarkus has started for the test. */
    @BeforeEach
    void read() throws Exception {
        if (doc != null) {
            return;
        }
        String json = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        doc = new ObjectMapper().readTree(json);
        Files.writeString(Path.of("target", "review-openapi.json"), doc.toPrettyString());
    }

    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> ops = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (METHODS.contains(op.getKey())) {
                        ops.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
                    }
                });
            }
        });
        return ops;
    }

    @Test
    void everyOperationIsNamedSummarisedAndDescribed() {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> summaries = new HashSet<>();
        for (var op : operations()) {
            JsonNode spec = op.getValue();
            String id = spec.path("operationId").asText("");
            if (!OPERATION_ID.matcher(id).matches() || !ids.add(id)) {
                wrong.add(op.getKey() + ": operationId '" + id + "'");
            }
            if (spec.path("summary").asText("").isBlank() || !summaries.add(spec.path("summary").asText())) {
                wrong.add(op.getKey() + ": no summary of its own");
            }
            String description = spec.path("description").asText("");
            if (description.isBlank() || description.contains("Roles:")) {
                wrong.add(op.getKey() + ": description '" + description + "'");
            }
            spec.path("parameters").forEach(p -> {
                if (p.path("description").asText("").isBlank()) {
                    wrong.add(op.getKey() + ": parameter " + p.path("name").asText() + " undescribed");
                }
            });
            if (spec.path("tags").isEmpty()) {
                wrong.add(op.getKey() + ": no tag");
            }
            List<String> codes = new ArrayList<>();
            spec.path("responses").fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                wrong.add(op.getKey() + ": no success response");
            }
            spec.path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2") && !r.getKey().equals("204")
                        && r.getValue().path("content").path("application/json").path("schema").isMissingNode()) {
                    wrong.add(op.getKey() + ": " + r.getKey() + " without a typed body");
                }
            });
        }
        assertEquals(21, ids.size(), "operations: " + ids);
        assertEquals(List.of(), wrong);
    }

    @Test
    void tagsArePlainNamesWithADescription() {
        List<String> wrong = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        doc.path("tags").forEach(tag -> {
            String name = tag.path("name").asText();
            declared.add(name);
            if (!TAG.matcher(name).matches() || tag.path("description").asText("").isBlank()) {
                wrong.add(name);
            }
        });
        operations().forEach(op -> op.getValue().path("tags").forEach(t -> {
            if (!declared.contains(t.asText())) {
                wrong.add(op.getKey() + ": undeclared tag " + t.asText());
            }
        }));
        assertEquals(List.of(), wrong);
        assertEquals(Set.of("Qualification review", "Bans", "Lead unit eligibility", "Quotas and key fields",
                "Audit trail", "Personal data access"), declared);
    }

    @Test
    void everySchemaAndPropertyIsDescribedUnderAMeaningfulName() {
        List<String> wrong = new ArrayList<>();
        doc.path("components").path("schemas").fields().forEachRemaining(schema -> {
            String name = schema.getKey();
            if (!SCHEMA_NAME.matcher(name).matches() && !name.equals("UUID")) {
                wrong.add(name + ": not a meaningful name");
            }
            // the kit's generic page and problem, and the shared event contract's category, are described elsewhere
            if (name.startsWith("Page") || name.equals("Problem") || name.equals("FieldError")
                    || Set.of("LeadUnitCategory", "UUID", "Instant", "LocalDate").contains(name)) {
                return;
            }
            if (schema.getValue().path("description").asText("").isBlank()) {
                wrong.add(name + ": undescribed");
            }
            schema.getValue().path("properties").fields().forEachRemaining(property -> {
                if (!described(property.getValue())) {
                    wrong.add(name + "." + property.getKey() + ": undescribed");
                }
            });
        });
        assertEquals(List.of(), wrong);
    }

    private static boolean described(JsonNode property) {
        if (!property.path("description").asText("").isBlank()) {
            return true;
        }
        for (JsonNode part : property.path("allOf")) {
            if (!part.path("description").asText("").isBlank()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void requestsSayWhatACreditCodeLooksLikeAndAreRequiredWhereTheServerRequiresThem() {
        JsonNode ban = doc.path("components").path("schemas").path("RecordBan");
        JsonNode code = ban.path("properties").path("creditCode");
        assertEquals("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", code.path("pattern").asText());
        assertEquals(18, code.path("minLength").asInt());
        assertEquals(18, code.path("maxLength").asInt());
        Set<String> required = new HashSet<>();
        ban.path("required").forEach(r -> required.add(r.asText()));
        assertEquals(Set.of("creditCode", "reasonClass", "since"), required);
    }

    @Test
    void pathParametersKeepTheOrderOfThePathAndAnOptionalBodyIsOptional() {
        List<String> names = new ArrayList<>();
        doc.at("/paths/~1api~1v1~1quotas~1{year}~1{category}/put/parameters").forEach(p -> names.add(p.path("name")
                .asText()));
        assertEquals(List.of("year", "category"), names);
        assertEquals("#/components/schemas/LeadUnitCategory",
                doc.at("/paths/~1api~1v1~1quotas~1{year}~1{category}/put/parameters/1/schema/$ref").asText());
        assertTrue(!doc.at("/paths/~1api~1v1~1reviews~1{id}~1approve/post/requestBody/required").asBoolean(false));
        assertEquals("#/components/schemas/ReviewView",
                doc.at("/paths/~1api~1v1~1reviews~1{id}~1approve/post/responses/200/content/application~1json/schema/$ref")
                        .asText());
    }

    @Test
    void theOperationSpecificConflictsAreNamed() {
        var approve = doc.at("/paths/~1api~1v1~1reviews~1{id}~1approve/post/responses/409/description").asText();
        assertTrue(approve.contains("`check-not-overridable`") && approve.contains("`stale-version`")
                && approve.contains("`not-pending`"), approve);
        var quota = doc.at("/paths/~1api~1v1~1quotas~1{year}~1{category}/put/responses/409/description").asText();
        assertTrue(quota.contains("`fixed-quota`"), quota);
        var claim = doc.at("/paths/~1api~1v1~1reviews~1{id}~1claim/post/responses/409/description").asText();
        assertTrue(claim.contains("`already-claimed`"), claim);
    }
}
