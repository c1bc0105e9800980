package cn.org.kczg.teams.evaluation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's own API document, as the gateway merges it into the one integrators generate clients from: every
 * operation named, summarised, described and typed, every parameter and schema property described, every schema
 * name meaningful.
 */
@QuarkusTest
class OpenApiDocumentTests {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** The kit's and the JDK's types: described (or generic) where they are defined, not here. */
    private static final Set<String> NOT_OURS = Set.of("HistoryEntry", "Instant", "LocalDate", "UUID",
            "LeadUnitCategory");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Z][A-Za-z]+");
    private static JsonNode doc;

    /** Read in a test, not in {@code @BeforeAll}: RestAssured points at the service only once a test runs. */
    @BeforeEach
    void read() throws Exception {
        if (doc == null) {
            doc = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi").then()
                    .statusCode(200).extract().asString());
        }
    }

    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    @Test
    void everyOperationIsNamedDescribedAndTyped() {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> summaries = new HashSet<>();
        for (var entry : operations()) {
            String key = entry.getKey();
            JsonNode op = entry.getValue();
            String id = op.path("operationId").asText("");
            if (!id.matches("[a-z]+[A-Z][A-Za-z]+") || !ids.add(id)) {
                wrong.add(key + ": operationId '" + id + "' missing, not verb+noun or not unique");
            }
            if (op.path("summary").asText("").isBlank() || !summaries.add(op.path("summary").asText())) {
                wrong.add(key + ": summary missing or not distinct");
            }
            if (op.path("description").asText("").isBlank()) {
                wrong.add(key + ": no description");
            }
            if (op.path("tags").size() != 1) {
                wrong.add(key + ": not in exactly one tag");
            }
            op.path("parameters").forEach(p -> {
                if (p.path("description").asText("").isBlank()) {
                    wrong.add(key + ": parameter " + p.path("name").asText() + " undescribed");
                }
            });
            List<String> success = new ArrayList<>();
            op.path("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    success.add(code);
                }
            });
            if (success.isEmpty()) {
                wrong.add(key + ": no 2xx response");
            }
            for (String code : success) {
                JsonNode content = op.path("responses").path(code).path("content");
                if (code.equals("204")) {
                    continue;
                }
                if (content.isEmpty()) {
                    wrong.add(key + ": " + code + " without content");
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (!schema.has("$ref") && !schema.has("type")) {
                        wrong.add(key + ": " + code + " " + media.getKey() + " without a schema");
                    }
                });
            }
        }
        assertEquals(42, ids.size(), "operations documented " + ids);
        assertEquals(List.of(), wrong);
    }

    @Test
    void everySchemaHasAMeaningfulNameAndDescribedProperties() {
        List<String> wrong = new ArrayList<>();
        doc.path("components").path("schemas").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode schema = entry.getValue();
            if (!SCHEMA_NAME.matcher(name).matches()) {
                wrong.add(name + ": not a meaningful name");
            }
            if (name.startsWith("Page") && !name.equals("LeadUnitRankingPage") || NOT_OURS.contains(name)) {
                return;
            }
            if (schema.path("description").asText("").isBlank()) {
                wrong.add(name + ": no description");
            }
            schema.path("properties").fields().forEachRemaining(property -> {
                if (property.getValue().path("description").asText("").isBlank()) {
                    wrong.add(name + "." + property.getKey() + ": no description");
                }
            });
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void theLeadUnitRankingIsJsonFirstAndCsvSecond() {
        JsonNode ok = doc.at("/paths/~1api~1v1~1assessments~1{year}~1lead-units/get/responses/200/content");
        List<String> media = new ArrayList<>();
        ok.fieldNames().forEachRemaining(media::add);
        assertEquals(List.of("application/json", "text/csv"), media);
        assertEquals("#/components/schemas/LeadUnitRankingPage", ok.at("/application~1json/schema/$ref").asText());
        assertEquals("string", ok.at("/text~1csv/schema/type").asText());
        assertTrue(doc.at("/components/schemas/LeadUnitRankingPage/properties/items/items/$ref").asText()
                .endsWith("/LeadUnitSummary"));
    }

    @Test
    void startingARunAnswers202WithItsRunAndLocation() {
        JsonNode accepted = doc.at("/paths/~1api~1v1~1assessments~1{year}~1runs/post/responses/202");
        assertEquals("#/components/schemas/AssessmentRunView",
                accepted.at("/content/application~1json/schema/$ref").asText());
        assertTrue(accepted.at("/headers/Location").isObject());
        assertTrue(doc.at("/paths/~1api~1v1~1assessments~1{year}~1runs/post/responses/409/description").asText()
                .contains("`run-in-progress`"));
    }
}
