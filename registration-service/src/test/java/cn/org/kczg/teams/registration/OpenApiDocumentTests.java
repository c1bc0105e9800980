package cn.org.kczg.teams.registration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The service's part of the platform's API document, before the gateway merges it: every operation named, summed up
 * and described, its 2xx answer typed, every parameter described, every schema of this service described down to
 * each property, and no schema name a generated one (Kind1, Registration_Contact).
 */
@QuarkusTest
class OpenApiDocumentTests {
    /** The body types this service defines; the kit's (Page, HistoryEntry, Reason …) are the kit's to describe. */
    private static final Set<String> OWN_SCHEMAS = Set.of("ApplicationDraft", "ApplicationPatch", "ApplicationView",
            "TeamApplicationStatus", "CommittedResources", "TeamMember", "TeamMemberRole", "PartnerUnit",
            "DemandHallHandler", "RegisterLeadUnit", "LeadUnitContact", "LeadUnitView", "OpenRegistrationWindow",
            "RegistrationWindowView", "TeamView", "PublicTeamView", "TeamStatus", "TeamHandlerChange",
            "TeamMembersChange", "ImportView", "ImportProblem", "ImportCounts", "ImportTemplate",
            "ImportTemplateColumn", "ImportStatus");

    private static JsonNode document() throws Exception {
        String json = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        return new ObjectMapper().readTree(json);
    }

    @Test
    void everyOperationIsNamedSummedUpAndDescribedAndSoIsEveryParameter() throws Exception {
        JsonNode doc = document();
        List<String> gaps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> summaries = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                String id = o.path("operationId").asText("");
                if (!id.matches("[a-z]+[A-Za-z]*[A-Z][A-Za-z]*") || !ids.add(id)) {
                    gaps.add(where + ": operationId '" + id + "'");
                }
                if (o.path("summary").asText("").isBlank() || !summaries.add(o.path("summary").asText())) {
                    gaps.add(where + ": summary");
                }
                if (o.path("description").asText("").isBlank()) {
                    gaps.add(where + ": description");
                }
                if (o.path("tags").size() != 1) {
                    gaps.add(where + ": tags");
                }
                boolean typed = false;
                for (Map.Entry<String, JsonNode> response : o.path("responses").properties()) {
                    typed |= response.getKey().startsWith("2")
                            && response.getValue().path("content").path("application/json").has("schema");
                }
                if (!typed) {
                    gaps.add(where + ": no typed 2xx response");
                }
                for (JsonNode p : o.path("parameters")) {
                    if (p.path("description").asText("").isBlank()) {
                        gaps.add(where + ": parameter " + p.path("name").asText());
                    }
                }
            }
        }
        assertFalse(ids.isEmpty());
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
        for (JsonNode tag : doc.path("tags")) {
            assertTrue(tag.path("name").asText().matches("[A-Z][a-z]+( [a-z]+)*"), tag.toString());
            assertFalse(tag.path("description").asText("").isBlank(), tag.toString());
        }
    }

    @Test
    void everySchemaOfTheServiceIsDescribedToEachPropertyAndNoNameIsGenerated() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");
        List<String> gaps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        schemas.properties().forEach(s -> names.add(s.getKey()));
        for (String name : names) {
            if (name.matches(".*\\d$") || name.contains("_")) {
                gaps.add(name + ": a generated name");
            }
        }
        for (String own : OWN_SCHEMAS) {
            JsonNode schema = schemas.path(own);
            if (schema.isMissingNode()) {
                gaps.add(own + ": missing");
                continue;
            }
            if (schema.path("description").asText("").isBlank()) {
                gaps.add(own + ": description");
            }
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                if (property.getValue().path("description").asText("").isBlank()) {
                    gaps.add(own + "." + property.getKey() + ": description");
                }
            }
        }
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
    }

    @Test
    void theApplicationPatchIsAMergePatchWithItsOwnSchema() throws Exception {
        JsonNode patch = document().path("paths").path("/api/v1/applications/{id}").path("patch");
        assertEquals("updateApplication", patch.path("operationId").asText());
        for (String type : List.of("application/merge-patch+json", "application/json")) {
            assertEquals("#/components/schemas/ApplicationPatch",
                    patch.path("requestBody").path("content").path(type).path("schema").path("$ref").asText(), type);
        }
        assertEquals("#/components/schemas/ApplicationView", patch.path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asText());
    }
}
