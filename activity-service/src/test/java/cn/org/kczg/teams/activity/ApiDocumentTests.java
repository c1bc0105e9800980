package cn.org.kczg.teams.activity;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The activity service's own part of the platform's API document, which integrators generate clients from: every
 * operation named, summarised and described, every parameter described, every schema this service owns described
 * field by field under a name no other service would also use.
 */
@QuarkusTest
class ApiDocumentTests {
    /**
     * Schemas the shared modules own (the kit's paging, reasons and history, the events' enums) and the library's
     * own for JDK types: not ours to word.
     */
    private static final Set<String> SHARED = Set.of("Problem", "Reason", "RequiredReason", "HistoryEntry",
            "ServiceCategory", "ActivityForm", "UUID", "Instant", "LocalDate");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    static JsonNode doc;

    /** Read in each test, not before all: RestAssured knows this service's test port only once a test runs. */
    @BeforeEach
    void read() throws Exception {
        if (doc == null) {
            doc = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi").then()
                    .statusCode(200).extract().asString());
        }
    }

    @Test
    void everyOperationIsNamedSummarisedAndDescribed() {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> summaries = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode() || !path.getKey().startsWith("/api/")) {
                    continue;
                }
                operations++;
                String key = method.toUpperCase() + " " + path.getKey();
                String id = op.path("operationId").asText("");
                if (!id.matches("[a-z]+[A-Z][A-Za-z]*") || !ids.add(id)) {
                    wrong.add(key + ": operationId '" + id + "' is not a unique lowerCamelCase verb and noun");
                }
                if (op.path("summary").asText("").isBlank() || !summaries.add(op.path("summary").asText())) {
                    wrong.add(key + ": no summary of its own");
                }
                if (op.path("description").asText("").isBlank()) {
                    wrong.add(key + ": no description");
                }
                op.path("parameters").forEach(p -> {
                    if (p.path("description").asText("").isBlank()) {
                        wrong.add(key + ": parameter " + p.path("name").asText() + " has no description");
                    }
                });
                if (op.path("tags").size() != 1) {
                    wrong.add(key + ": tagged " + op.path("tags"));
                }
            }
        }
        assertTrue(operations >= 50, "only " + operations + " operations");
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTagIsShortAndDescribed() {
        List<String> wrong = new ArrayList<>();
        doc.path("tags").forEach(tag -> {
            if (!tag.path("name").asText().matches("[A-Z][a-z]+( [a-z]+)*")
                    || tag.path("description").asText("").isBlank()) {
                wrong.add(tag.toString());
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everySchemaOfOursIsDescribedFieldByFieldUnderAMeaningfulName() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : doc.path("components").path("schemas").properties()) {
            String name = schema.getKey();
            if (SHARED.contains(name) || name.startsWith("Page")) {
                continue;
            }
            if (!name.matches("[A-Z][A-Za-z]*[a-z]")) {
                wrong.add(name + ": not a meaningful name");
            }
            if (List.of("Kind", "Status", "Outcome", "Source", "State", "Reason", "Contact", "Decision", "Draft",
                    "Edit", "Settings", "Answer", "Place", "Priority", "Match", "Matches", "Receipt").contains(name)) {
                wrong.add(name + ": too generic for the platform's one document");
            }
            if (schema.getValue().path("description").asText("").isBlank()) {
                wrong.add(name + ": no description");
            }
            schema.getValue().path("properties").properties().forEach(property -> {
                if (property.getValue().path("description").asText("").isBlank()) {
                    wrong.add(name + "." + property.getKey() + ": no description");
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void datesCarriedAsTextSayTheirFormat() {
        assertEquals("date", parameter("/api/v1/calendar/holidays/{day}", "put", "day").at("/schema/format").asText());
        assertEquals("date", parameter("/api/v1/calendar/holidays/{day}", "delete", "day").at("/schema/format").asText());
        assertEquals("date-time", parameter("/api/v1/tickets", "get", "updatedSince").at("/schema/format").asText());
        assertEquals("#/components/schemas/TicketStatus",
                parameter("/api/v1/tickets", "get", "status").at("/schema/$ref").asText());
    }

    @Test
    void theFileDownloadStaysBinary() {
        assertEquals("binary", doc.at("/paths/~1api~1v1~1uploads~1{id}~1file/get/responses/200/content/"
                + "application~1octet-stream/schema/format").asText());
    }

    private static JsonNode parameter(String path, String method, String name) {
        for (JsonNode p : doc.path("paths").path(path).path(method).path("parameters")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError(method + " " + path + " has no parameter " + name);
    }
}
