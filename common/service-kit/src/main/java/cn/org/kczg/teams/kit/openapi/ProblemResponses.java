package cn.org.kczg.teams.kit.openapi;

import cn.org.kczg.teams.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The errors of every operation, in every service's document: the one {@code Problem} schema (RFC 9457, as
 * application/problem+json) for each status the operation can answer, the description an operation declared for a
 * status kept (that is where its own codes are named), {@code X-Request-Id} on every answer and {@code Retry-After}
 * where the caller is told to come back.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final Map<String, String> GENERIC = Map.ofEntries(
            Map.entry("400", "Invalid request: a parameter or the body breaks a rule (code `validation`, "
                    + "`unknown-field`, `malformed-json`); `errors` names each field at fault."),
            Map.entry("401", "No valid bearer token (code `unauthorized`)."),
            Map.entry("403", "The token's role may not do this, or may not act for this team (code `forbidden`)."),
            Map.entry("404", "No such object, or it belongs to another organisation (code `not-found`)."),
            Map.entry("409", "The object's state or a rule of the regulation does not allow this now; `code` says "
                    + "which (e.g. `illegal-transition`, `stale-version`)."),
            Map.entry("413", "The request body is too large (code `payload-too-large`)."),
            Map.entry("415", "The body's media type is not accepted (code `unsupported-media-type`)."),
            Map.entry("429", "Too many requests from this caller (code `rate-limited`); come back after "
                    + "`Retry-After` seconds."),
            Map.entry("500", "An error on the platform's side (code `internal`); quote the `X-Request-Id`."),
            Map.entry("503", "The database or another part is briefly unavailable and nothing was changed (code "
                    + "`service-unavailable`); try again after `Retry-After` seconds."));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) ->
                        declareErrors(path, method, operation));
            }
        });
    }

    static void declareErrors(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean isPublic = path.startsWith("/api/v1/public/");
        boolean hasBody = operation.getRequestBody() != null;
        boolean addressesOne = path.contains("{");
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        problem(responses, "400");
        if (!isPublic) {
            problem(responses, "401");
            problem(responses, "403");
        }
        if (addressesOne || responses.hasAPIResponse("404")) {
            problem(responses, "404");
        }
        if (writes || responses.hasAPIResponse("409")) {
            problem(responses, "409");
        }
        if (hasBody) {
            problem(responses, "413");
            problem(responses, "415");
        }
        problem(responses, "429").addHeader("Retry-After", retryAfter());
        problem(responses, "500");
        problem(responses, "503").addHeader("Retry-After", retryAfter());
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() == null) {
                response.addHeader("X-Request-Id", OASFactory.createHeader()
                        .description("The request's id (the caller's own if it sent one): quote it when reporting.")
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
                if (status.startsWith("4") || status.startsWith("5")) {
                    if (response.getContent() == null || response.getContent().getMediaTypes() == null
                            || !response.getContent().hasMediaType(Problem.MEDIA_TYPE)) {
                        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
                    }
                }
            }
        });
    }

    private static APIResponse problem(APIResponses responses, String status) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(status, response);
        }
        String said = response.getDescription();
        if (said == null || said.isBlank() || said.equals("Not Authorized") || said.equals("Not Allowed")
                || said.equals("Bad Request")) {
            response.setDescription(GENERIC.get(status));
        }
        return response;
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before trying again.")
                .schema(OASFactory.createSchema().addType(SchemaType.INTEGER));
    }

    static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One field at fault.")
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("The field's path in the request, e.g. `contact.email`, `members[0].name`, or "
                                + "a query parameter's name."))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("Why, in the caller's language."))
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details: the body of every 4xx and 5xx answer, as "
                        + "application/problem+json. `title`, `detail` and field messages are in Chinese unless "
                        + "Accept-Language prefers English; `type` and `code` never change with the language.")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri")
                        .description("https://kczg.org.cn/problems/ followed by the code."))
                .addProperty("title", text.description("A short summary of the kind of problem."))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("The HTTP status."))
                .addProperty("detail", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("What went wrong with this request, for a person to read."))
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("The path of the request."))
                .addProperty("code", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("The stable, language-free code to act on, e.g. `validation`, `not-found`, "
                                + "`window-overlap`, `illegal-transition`."))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError)
                        .description("For validation problems: every field at fault."))
                .required(List.of("type", "title", "status", "detail", "code"));
    }
}
