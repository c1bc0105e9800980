package cn.org.kczg.teams.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void scalarComponentsAreInlinedEdgeAnswersDeclaredAndPathParametersInPathOrder() throws Exception {
        JsonNode merged = OpenApiMerger.merge(Map.of("activity", json("""
                {'openapi':'3.1.0',
                 'paths':{'/api/v1/teams/{teamId}/members/{memberId}':{'get':{
                   'parameters':[{'name':'q','in':'query'},{'name':'memberId','in':'path'},{'name':'teamId','in':'path'}],
                   'responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/View'}}}},
                                '404':{'description':'No such member'}}}}},
                 'components':{'schemas':{
                   'View':{'type':'object','properties':{'id':{'$ref':'#/components/schemas/UUID','description':'its id'},
                                                         'at':{'type':'array','items':{'$ref':'#/components/schemas/Instant'}},
                                                         'kind':{'$ref':'#/components/schemas/Kind'}}},
                   'UUID':{'type':'string','format':'uuid'},
                   'Instant':{'type':'string','format':'date-time'},
                   'Kind':{'type':'string','enum':['A','B']},
                   'Problem':{'type':'object'}}}}""")), Map.of());

        JsonNode schemas = merged.at("/components/schemas");
        assertTrue(schemas.path("UUID").isMissingNode() && schemas.path("Instant").isMissingNode(), "no scalar models");
        assertEquals("uuid", schemas.at("/View/properties/id/format").asText());
        assertEquals("its id", schemas.at("/View/properties/id/description").asText());
        assertEquals("date-time", schemas.at("/View/properties/at/items/format").asText());
        assertEquals("#/components/schemas/Kind", schemas.at("/View/properties/kind/$ref").asText(), "enums stay");

        JsonNode op = merged.at("/paths/~1api~1v1~1teams~1{teamId}~1members~1{memberId}/get");
        assertEquals("teamId", op.at("/parameters/0/name").asText());
        assertEquals("memberId", op.at("/parameters/1/name").asText());
        assertEquals("q", op.at("/parameters/2/name").asText());
        for (String status : new String[] {"401", "403", "404", "429", "502", "503", "504"}) {
            assertEquals("#/components/schemas/Problem",
                    op.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asText(), status);
        }
        assertEquals("No such member", op.at("/responses/404/description").asText(), "the service's words kept");
        assertEquals("integer", op.at("/responses/429/headers/Retry-After/schema/type").asText());
        for (String status : new String[] {"200", "404"}) {
            assertFalse(op.at("/responses/" + status + "/headers/X-Request-Id").isMissingNode(), status);
            assertFalse(op.at("/responses/" + status + "/headers/RateLimit-Remaining").isMissingNode(), status);
        }
    }

    @Test
    void mergesPathsSchemasAndTagsMarkingEachPathsServiceAndRenamingClashingSchemas() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("activity", json("""
                {'openapi':'3.1.0','tags':[{'name':'Demand hall'}],
                 'paths':{'/api/v1/tickets':{'post':{'requestBody':{'content':{'application/json':
                   {'schema':{'$ref':'#/components/schemas/View'}}}}}},
                          '/api/v1/public/complaints':{'post':{}},
                          '/q/health':{'get':{}}},
                 'components':{'schemas':{'View':{'type':'object','properties':{'a':{'type':'string'}}},
                                          'Shared':{'type':'object'}}}}"""));
        docs.put("registration", json("""
                {'openapi':'3.1.0','tags':[{'name':'Demand hall'},{'name':'Teams'}],
                 'paths':{'/api/v1/teams/{id}':{'get':{'responses':{'200':{'content':{'application/json':
                   {'schema':{'$ref':'#/components/schemas/View'}}}}}}}},
                 'components':{'schemas':{'View':{'type':'object','properties':{'b':{'type':'integer'}}},
                                          'Shared':{'type':'object'}}}}"""));
        JsonNode merged = OpenApiMerger.merge(docs, Map.of("post /api/v1/tickets", json("{'projectName':'智能制造需求'}")));

        assertEquals("activity", merged.at("/paths/~1api~1v1~1tickets/x-kczg-service").asText());
        assertEquals("registration", merged.at("/paths/~1api~1v1~1teams~1{id}/x-kczg-service").asText());
        assertTrue(merged.at("/paths/~1q~1health").isMissingNode(), "only API paths");
        assertEquals("#/components/schemas/View",
                merged.at("/paths/~1api~1v1~1tickets/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Registration_View", merged.at(
                "/paths/~1api~1v1~1teams~1{id}/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("integer", merged.at("/components/schemas/Registration_View/properties/b/type").asText());
        assertFalse(merged.at("/components/schemas/Shared").isMissingNode());
        assertTrue(merged.at("/components/schemas/Registration_Shared").isMissingNode(), "same shape, one name");
        assertEquals(2, merged.get("tags").size());

        assertEquals("bearer", merged.at("/components/securitySchemes/bearer/scheme").asText());
        assertTrue(merged.at("/security/0/bearer").isArray());
        assertEquals(0, merged.at("/paths/~1api~1v1~1public~1complaints/post/security").size(),
                "public operations need no token");
        assertEquals("智能制造需求", merged.at(
                "/paths/~1api~1v1~1tickets/post/requestBody/content/application~1json/example/projectName").asText());
    }

    @Test
    void theRolesOfAnOperationAreStatedAndItNeedsTheOneBearerScheme() throws Exception {
        ObjectNode operation = (ObjectNode) json("""
                {'description':'Assigns the ticket.','security':[{'SecurityScheme':['operator','auditor']}]}""");
        OpenApiMerger.statePolicy(operation, false);
        assertEquals(json("[{'bearer':[]}]"), operation.get("security"));
        assertEquals(json("['auditor','operator']"), operation.get("x-kczg-roles"));
        assertEquals("Assigns the ticket.\n\nRoles: auditor, operator.", operation.get("description").asText());

        ObjectNode open = (ObjectNode) json("{'security':[{'SecurityScheme':[]}]}");
        OpenApiMerger.statePolicy(open, true);
        assertEquals(0, open.get("security").size(), "public operations need no token");
        assertFalse(open.has("x-kczg-roles"));

        ObjectNode anyRole = (ObjectNode) json("{}");
        OpenApiMerger.statePolicy(anyRole, false);
        assertEquals(json("['signed-in']"), anyRole.get("x-kczg-roles"));
    }
}
