package cn.org.kczg.teams.gateway;

import cn.org.kczg.teams.platform.security.Roles;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v1/audit/personal-data-access} (issue 24): each service keeps the staff reads of its own personal
 * data ({@code …/personal-data-access/{area}}, routed like any path); the plain path is the four as one list for the
 * data-protection officer (the auditor), merged by time: JSON pages up to 100 entries deep (deeper: an area's own list
 * and its cursor), or the whole as CSV with {@code Accept: text/csv}. The services check the token and the filters;
 * the first one that refuses answers for all.
 */
@ApplicationScoped
public class PersonalDataAccessRoutes {
    private static final Logger LOG = Logger.getLogger(PersonalDataAccessRoutes.class);
    static final String BASE = "/api/v1/audit/personal-data-access";
    static final List<String> AREAS = List.of("registration", "review", "activity", "evaluation");
    static final int DEPTH = 100;
    private static final Set<String> FILTERS = Set.of("actor", "objectType", "objectId", "kind", "from", "to");
    private static final String CSV = "text/csv";

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    boolean owns(String path) {
        return path.equals(BASE) || path.equals(BASE + "/");
    }

    void handle(RoutingContext ctx, JsonWebToken token, RouteTable<Upstream> routes) {
        HttpServerRequest request = ctx.request();
        request.resume();
        if (!GatewayProblems.admits(request, token, Set.of(Roles.AUDITOR), "personal-data-access.forbidden")) {
            return;
        }
        if (request.method() != HttpMethod.GET) {
            GatewayProblems.answer(request, 405, "method-not-allowed", "method.get");
            return;
        }
        boolean csv = wantsCsv(request.getHeader("Accept"));
        int page;
        int size;
        try {
            page = intParam(request, "page", 0, 0, DEPTH - 1);
            size = intParam(request, "size", 20, 1, DEPTH);
            if ((page + 1) * size > DEPTH) {
                throw new InvalidParameter("page", "personal-data-access.depth", DEPTH);
            }
        } catch (InvalidParameter e) {
            GatewayProblems.answer(request, e);
            return;
        }
        String filters = filters(request);
        String query = csv ? filters : filters + (filters.isEmpty() ? "" : "&") + "page=0&size=" + ((page + 1) * size);
        Map<String, String> headers = Map.of("Authorization", request.getHeader("Authorization"),
                ApiProxy.REQUEST_ID, String.valueOf(request.getHeader(ApiProxy.REQUEST_ID)),
                "Accept", csv ? CSV : "application/json",
                "Accept-Language", String.valueOf(request.getHeader("Accept-Language")));
        vertx.<Answer>executeBlocking(() -> fetchAll(routes, query, headers, csv, page, size), false)
                .onComplete(result -> {
                    if (result.failed()) {
                        LOG.warnf("personal-data access: %s", result.cause().toString());
                        request.response().putHeader("Retry-After", "5");
                        GatewayProblems.answer(request, 503, "service-unavailable", "upstream.unreachable");
                        return;
                    }
                    Answer answer = result.result();
                    request.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.type());
                    if (answer.status() == 200 && csv) {
                        request.response().putHeader("Content-Disposition",
                                "attachment; filename=\"personal-data-access.csv\"");
                    }
                    request.response().end(answer.body());
                });
    }

    private record Answer(int status, String type, String body) {
    }

    private Answer fetchAll(RouteTable<Upstream> routes, String query, Map<String, String> headers, boolean csv,
            int page, int size) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (String area : AREAS) {
            String path = BASE + "/" + area + (query.isEmpty() ? "" : "?" + query);
            Upstream upstream = routes.target(BASE + "/" + area).orElseThrow(
                    () -> new IllegalStateException("no route for " + area));
            HttpResponse<String> response = send(upstream, path, headers);
            if (response.statusCode() != 200) {
                return new Answer(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse("application/problem+json"),
                        response.body());
            }
            bodies.add(response.body());
        }
        if (csv) {
            return new Answer(200, "text/csv;charset=UTF-8", AccessMerge.csv(bodies));
        }
        return new Answer(200, "application/json;charset=UTF-8",
                AccessMerge.pages(bodies.stream().map(JsonObject::new).toList(), page, size).encode());
    }

    /** The first instance that answers. */
    private HttpResponse<String> send(Upstream upstream, String path, Map<String, String> headers) throws Exception {
        Exception last = null;
        for (URI origin : upstream.origins()) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(origin.resolve(path)).timeout(config.timeout()).GET();
            headers.forEach((name, value) -> {
                if (value != null && !value.equals("null")) {
                    builder.header(name, value);
                }
            });
            try {
                return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new IllegalStateException("no instance");
    }

    private static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        for (String type : accept.split(",")) {
            String t = type.split(";")[0].trim().toLowerCase();
            if (t.equals(CSV)) {
                return true;
            }
            if (t.equals("application/json") || t.equals("*/*") || t.equals("application/*")) {
                return false;
            }
        }
        return false;
    }

    /** The filters as the client sent them, re-encoded; paging is the gateway's. */
    private static String filters(HttpServerRequest request) {
        List<String> parts = new ArrayList<>();
        for (String name : FILTERS.stream().sorted().toList()) {
            String value = request.getParam(name);
            if (value != null) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return String.join("&", parts);
    }

    private static int intParam(HttpServerRequest request, String name, int fallback, int min, int max) {
        String value = request.getParam(name);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new InvalidParameter(name, "range", min, max);
        }
        return Integer.parseInt(value);
    }
}
