package cn.org.kczg.teams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A fuzzer over every operation of the gateway's merged API document (issue 15, S6): hostile path parameters,
 * query parameters and bodies — wrong JSON types, NUL and control characters, 20 k strings, huge and negative
 * numbers, absurd dates, null items, 10 k-item arrays, empty and non-JSON bodies, wrong content types — with
 * several roles' tokens and none. A new endpoint is fuzzed without editing this test. No answer may be 5xx, and
 * every 4xx is problem+json. Runs last, on the shared suite (hostile input changes nothing).
 */
@Order(Integer.MAX_VALUE)
class HostileInputFuzzTest {
    private static final List<String> PATH_VALUES = List.of(UUID.randomUUID().toString(), "%00", "a%00b",
            "99999999999999999999", "-1", "x".repeat(300), "%F0%9F%9A%80", "..%2F..%2Fetc%2Fpasswd");
    private static final List<String> QUERY_VALUES = List.of("a\u0000b", "99999999999999999999", "-1", "x".repeat(5_000),
            "\ud800", "+999999999-12-31");
    private static final List<String> RAW_BODIES = List.of("", "null", "[]", "\"x\"", "{", "{}", "{\"a\":\"\u0000\"}",
            "[" + "1,".repeat(10_000) + "1]");

    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private SuiteHttp http;
    private ApiOperations api;
    private List<String> tokens;
    private int next;

    @Test
    void everyOperationSurvivesHostileInputWithAProblemAndNoServerError() {
        LaunchedSuite suite = LaunchedSuite.get();
        http = new SuiteHttp(suite.gatewayUrl);
        tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // every role, several subjects each, so the per-caller rate limits do not stand in for the answers
            tokens.add(suite.token("operator", "--sub", "fuzz-operator-" + i));
            tokens.add(suite.token("lead-unit", "--org", "91350100M000100Y43", "--sub", "fuzz-lead-unit-" + i));
            tokens.add(suite.token("partner", "--partner", "fuzz-partner-" + i, "--sub", "fuzz-partner-" + i));
            tokens.add(suite.token("handler", "--teams", UUID.randomUUID().toString(), "--sub", "fuzz-handler-" + i));
            tokens.add(suite.token("reviewer", "--sub", "fuzz-reviewer-" + i));
            tokens.add(suite.token("auditor", "--sub", "fuzz-auditor-" + i));
            tokens.add(suite.token("volunteer", "--sub", "fuzz-volunteer-" + i));
            tokens.add(null);
        }
        api = new ApiOperations(http);
        api.all.forEach(this::fuzz);
        int total = sent.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("fuzz: %d operations, %d requests %s; %d failures%n", api.all.size(), total, new TreeMap<>(
                sent.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().get()))), failures.size());
        failures.forEach(f -> System.out.println("fuzz failure: " + f));
        assertTrue(api.all.size() > 50, "the document lists " + api.all.size() + " operations");
        assertEquals(List.of(), failures.subList(0, Math.min(40, failures.size())), failures.size() + " failures");
    }

    private void fuzz(ApiOperations.Operation operation) {
        String template = operation.template();
        String method = operation.method();
        boolean hasBody = operation.hasBody();
        String sane = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        // path parameters
        if (template.contains("{")) {
            for (String value : PATH_VALUES) {
                check("path", method, template.replaceAll("\\{[^}]+}", value), hasBody ? "{}" : null, "application/json");
            }
        }
        // query parameters, one hostile value each
        for (String name : operation.parameters("query")) {
            for (String value : QUERY_VALUES) {
                check("query", method, sane + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                        hasBody ? "{}" : null, "application/json");
            }
        }
        if (!hasBody) {
            return;
        }
        for (String body : RAW_BODIES) {
            check("raw-body", method, sane, body, "application/json");
        }
        check("content-type", method, sane, "name=x", "text/plain");
        check("content-type", method, sane, "<a/>", "application/xml");
        // each property of the body's schema, set to each hostile value
        JsonNode schema = api.bodySchema(operation);
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            for (String value : hostileValues()) {
                check("field", method, sane, "{\"" + name + "\":" + value + "}", "application/json");
            }
        }
    }

    private static List<String> hostileValues() {
        return List.of("\"a\\u0000b\"", "\"\\u0000\"", "\"\\ud800\"", "\"" + "长".repeat(20_000) + "\"", "1e100000",
                "-99999999999999999999", "1.0000001", "true", "[null]", "{\"x\":{\"y\":[1,\"2\",null]}}",
                "\"+999999999-12-31\"", "\"2026-02-30\"", "[" + "\"x\",".repeat(10_000) + "\"x\"]", "null", "[]", "{}");
    }

    private void check(String kind, String method, String path, String body, String contentType) {
        String token = tokens.get(next++ % tokens.size());
        HttpResponse<String> r;
        try {
            r = http.send(method, path, body, contentType, token);
        } catch (Exception e) {
            failures.add(kind + " " + method + " " + shorten(path) + ": " + e);
            return;
        }
        sent.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        int status = r.statusCode();
        if (status >= 500) {
            failures.add(status + " " + kind + " " + method + " " + shorten(path) + " body " + shorten(body) + " → "
                    + shorten(r.body()));
        } else if (status >= 400 && !SuiteHttp.isProblem(r)) {
            failures.add(status + " without problem+json: " + kind + " " + method + " " + shorten(path));
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return "-";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + ")";
    }
}
