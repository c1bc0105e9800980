package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's one API document: all four services' paths and the gateway's own, the bearer scheme, Chinese
 * examples — and every service operation in it is routed by the gateway to the service that documents it (the same answer through the
 * gateway as from the service itself, asked with a read-only auditor token so nothing changes).
 */
class ApiDocumentFlowTest {
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
    }

    @Test
    void oneDocumentDescribesEveryServiceAndEveryOperationInItIsRouted() {
        given().when().get("/q/openapi").then().statusCode(200).contentType(containsString("application/yaml"))
                .body(containsString("科创中国"));
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/tickets'.post.requestBody.content.'application/json'.example.projectName",
                        equalTo("高端装备数字化改造需求"))
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Set<String> services = new TreeSet<>();
        paths.values().forEach(item -> services.add((String) item.get("x-kczg-service")));
        assertEquals(Set.of("activity", "evaluation", "gateway", "registration", "review"), services);

        String auditor = suite.token("auditor");
        List<String> misrouted = new ArrayList<>();
        int checked = 0;
        for (var path : paths.entrySet()) {
            String service = (String) path.getValue().get("x-kczg-service");
            if ("gateway".equals(service)) {
                continue; // served by the gateway itself (events, dead letters): nothing to route
            }
            String concrete = enumerated(path.getKey(), path.getValue(), service).replaceAll("\\{year}", "1999")
                    .replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-00000000abcd");
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (!path.getValue().containsKey(method)) {
                    continue;
                }
                Response viaGateway = call(suite.gatewayUrl, method, concrete, auditor);
                Response direct = call(suite.serviceUrl(service), method, concrete, auditor);
                checked++;
                if (viaGateway.statusCode() != direct.statusCode()
                        || (direct.statusCode() < 500 && !String.valueOf(detail(direct)).equals(String.valueOf(detail(viaGateway))))) {
                    misrouted.add(method.toUpperCase() + " " + path.getKey() + " → gateway " + viaGateway.statusCode()
                            + " " + detail(viaGateway) + ", " + service + " " + direct.statusCode() + " " + detail(direct));
                }
            }
        }
        assertTrue(checked > 60, "only " + checked + " operations documented");
        assertEquals(List.of(), misrouted);
    }

    /**
     * What a generated client needs from the document (issue 18): every operation under the one declared bearer
     * scheme with its roles stated, every create answering a typed 201 with its Location, the file download binary.
     */
    @Test
    void aClientCanBeGeneratedFromIt() {
        ApiOperations api = new ApiOperations(new SuiteHttp(suite.gatewayUrl));
        List<String> wrong = new ArrayList<>();
        for (ApiOperations.Operation op : api.all) {
            var spec = op.spec();
            boolean isPublic = op.template().startsWith("/api/v1/public/");
            spec.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme -> {
                if (!"bearer".equals(scheme)) {
                    wrong.add(op.key() + " requires the undeclared scheme " + scheme);
                }
            }));
            if (!isPublic && spec.path("x-kczg-roles").isEmpty()) {
                wrong.add(op.key() + " states no roles");
            }
            var created = spec.path("responses").path("201");
            if (!created.isMissingNode() && (created.at("/content/application~1json/schema/$ref").isMissingNode()
                    || created.at("/headers/Location").isMissingNode())) {
                wrong.add(op.key() + " answers 201 without a typed body and its Location");
            }
        }
        long creates = api.all.stream().filter(op -> op.spec().path("responses").has("201")).count();
        assertTrue(creates >= 13, "only " + creates + " operations declare their 201");
        assertEquals("binary", api.document.at("/paths/~1api~1v1~1uploads~1{id}~1file/get/responses/200/content/"
                + "application~1octet-stream/schema/format").asText());
        assertEquals(List.of(), wrong);
    }

    private static Response call(String base, String method, String path, String token) {
        var request = given().baseUri(base).auth().oauth2(token).contentType("application/json");
        return switch (method) {
            case "get" -> request.when().get(path);
            case "delete" -> request.when().delete(path);
            default -> request.body("{}").when().request(method.toUpperCase(), path);
        };
    }

    private static Object detail(Response response) {
        String type = response.contentType();
        return type != null && type.contains("json") && !response.asString().isEmpty() && response.asString().startsWith("{")
                ? response.jsonPath().get("detail") : null;
    }

    /**
     * A path parameter of an enumeration set to the service's name when that is one of its values (the audit trail's
     * area: every service serves the path, the gateway routes by it), else to its first value.
     */
    @SuppressWarnings("unchecked")
    private static String enumerated(String template, Map<String, Object> item, String service) {
        String path = template;
        for (Object operation : item.values()) {
            if (!(operation instanceof Map<?, ?> spec) || !(spec.get("parameters") instanceof List<?> parameters)) {
                continue;
            }
            for (Object p : parameters) {
                Map<String, Object> parameter = (Map<String, Object>) p;
                if ("path".equals(parameter.get("in")) && parameter.get("schema") instanceof Map<?, ?> schema
                        && schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
                    Object value = values.contains(service) ? service : values.get(0);
                    path = path.replace("{" + parameter.get("name") + "}", String.valueOf(value));
                }
            }
        }
        return path;
    }
}
