package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The security matrix of issue 15 through the launched suite: S1 the JWT matrix at the gateway and at every service,
 * S2 other organisations' objects, S3 every role × every operation of the merged API document against one explicit
 * table, S4 the limits, S5 the state rules (S6 is {@link HostileInputFuzzTest}). S2 and S3 go over the document, so a
 * new endpoint is covered without editing this test — S3 fails until the table says who may call it.
 */
@Order(Integer.MAX_VALUE - 2)
class SecurityMatrixTest {
    /** Reports take no day after today in China (issue 21): a fixture's activity took place yesterday. */
    private static final String YESTERDAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1)
            .toString();
    private static final List<String> ROLES = List.of("operator", "auditor", "reviewer", "lead-unit", "handler",
            "partner", "volunteer");
    private static final String ANYONE = "anyone";
    private static final String SIGNED_IN = "signed-in";

    /**
     * S3: for every operation, the roles it admits ({@code signed-in}: every role; {@code anyone}: also without a
     * token). A role not listed gets 403, no token 401. Some roles admitted see only their own objects (S2). This is
     * the platform's access policy: change it here on purpose, never to make a test pass.
     */
    private static final Map<String, Set<String>> POLICY = policy("""
            DELETE  /api/v1/calendar/holidays/{day}                      operator
            DELETE  /api/v1/demonstration-projects/{id}                  operator
            DELETE  /api/v1/incentives/{year}/lead-units/{creditCode}    operator
            DELETE  /api/v1/indicator-systems/{id}                       operator
            DELETE  /api/v1/webhooks/{id}                                partner
            GET     /api/v1/dead-letters                                 operator
            GET     /api/v1/dead-letters/{id}                            operator
            GET     /api/v1/events                                       auditor operator
            GET     /api/v1/outbox                                       operator
            GET     /api/v1/activities                                   auditor handler lead-unit operator
            GET     /api/v1/activities/{id}                              auditor handler lead-unit operator
            GET     /api/v1/activities/{id}/history                      auditor handler lead-unit operator
            GET     /api/v1/demonstration-projects                       auditor handler lead-unit operator
            GET     /api/v1/demonstration-projects/{id}                  auditor handler lead-unit operator
            GET     /api/v1/demonstration-projects/{id}/history          auditor operator
            GET     /api/v1/guidance                                     auditor handler lead-unit operator
            GET     /api/v1/guidance/{id}                                auditor handler lead-unit operator
            GET     /api/v1/incentives                                   auditor operator
            GET     /api/v1/incentives/{year}/lead-units/{creditCode}/history auditor operator
            GET     /api/v1/applications                                 auditor lead-unit operator reviewer
            GET     /api/v1/applications/{id}                            auditor lead-unit operator reviewer
            GET     /api/v1/applications/{id}/history                    auditor lead-unit operator reviewer
            GET     /api/v1/appeals                                      auditor lead-unit operator
            GET     /api/v1/appeals/{id}                                 auditor lead-unit operator
            GET     /api/v1/assessments/{year}                           auditor operator
            GET     /api/v1/assessments/{year}/data-quality              auditor operator
            GET     /api/v1/assessments/{year}/history                   auditor operator
            GET     /api/v1/assessments/{year}/lead-units                auditor operator
            GET     /api/v1/assessments/{year}/results                   auditor handler lead-unit operator
            GET     /api/v1/assessments/{year}/results/{teamId}          auditor handler lead-unit operator
            GET     /api/v1/assessments/{year}/runs                      auditor operator
            GET     /api/v1/assessments/{year}/runs/{id}                 auditor operator
            GET     /api/v1/audit-trail/{area}                           auditor operator
            GET     /api/v1/audit/personal-data-access                   auditor
            GET     /api/v1/audit/personal-data-access/{area}            auditor
            GET     /api/v1/bans                                         auditor operator reviewer
            GET     /api/v1/bans/{id}                                    auditor operator reviewer
            GET     /api/v1/calendar/holidays                            signed-in
            GET     /api/v1/certificates                                 auditor handler lead-unit operator volunteer
            GET     /api/v1/certificates/{id}                            auditor handler lead-unit operator volunteer
            GET     /api/v1/certificates/{id}.pdf                        auditor handler lead-unit operator volunteer
            GET     /api/v1/certificates/{id}/credential                 auditor handler lead-unit operator volunteer
            GET     /api/v1/complaints                                   auditor handler lead-unit operator
            GET     /api/v1/complaints/{id}                              auditor handler lead-unit operator
            GET     /api/v1/eligibility/{creditCode}                     auditor lead-unit operator reviewer
            GET     /api/v1/fee-violations                               auditor operator
            GET     /api/v1/imports                                      auditor operator
            GET     /api/v1/imports/template                             auditor operator
            GET     /api/v1/imports/{id}                                 auditor operator
            GET     /api/v1/indicator-systems                            auditor handler lead-unit operator reviewer
            GET     /api/v1/indicator-systems/metrics                    auditor handler lead-unit operator reviewer
            GET     /api/v1/indicator-systems/{id}                       auditor handler lead-unit operator reviewer
            GET     /api/v1/indicator-systems/{id}/history               auditor operator
            GET     /api/v1/key-fields/{year}                            auditor lead-unit operator reviewer
            GET     /api/v1/lead-units                                   auditor lead-unit operator reviewer
            GET     /api/v1/lead-units/{creditCode}                      auditor lead-unit operator reviewer
            GET     /api/v1/library                                      signed-in
            GET     /api/v1/library/{id}                                 signed-in
            GET     /api/v1/library/{id}/history                         signed-in
            GET     /api/v1/notifications                                auditor handler lead-unit operator reviewer volunteer
            GET     /api/v1/notifications/preferences                    auditor handler lead-unit operator reviewer volunteer
            GET     /api/v1/notifications/unread-count                   auditor handler lead-unit operator reviewer volunteer
            GET     /api/v1/participations                               auditor handler lead-unit operator volunteer
            GET     /api/v1/participations/{id}                          auditor handler lead-unit operator volunteer
            GET     /api/v1/personal-data/erasures/{id}                  auditor operator
            GET     /api/v1/public/certificates/{code}                   anyone
            GET     /api/v1/public/complaints/{receipt}                  anyone
            GET     /api/v1/public/credentials/keys                      anyone
            GET     /api/v1/public/credentials/status                    anyone
            GET     /api/v1/public/teams                                 anyone
            GET     /api/v1/public/teams/{id}                            anyone
            GET     /api/v1/quotas/{year}                                auditor lead-unit operator reviewer
            GET     /api/v1/registration-windows                         signed-in
            GET     /api/v1/registration-windows/current                 signed-in
            GET     /api/v1/registration-windows/{id}                    signed-in
            GET     /api/v1/reviews                                      auditor lead-unit operator reviewer
            GET     /api/v1/reviews/criteria                             auditor lead-unit operator reviewer
            GET     /api/v1/reviews/{id}                                 auditor lead-unit operator reviewer
            GET     /api/v1/sanctions                                    auditor operator
            GET     /api/v1/sanctions/{id}                               auditor operator
            GET     /api/v1/statistics/activities                        auditor operator
            GET     /api/v1/statistics/teams                             auditor operator
            GET     /api/v1/statistics/tickets                           auditor operator
            GET     /api/v1/statistics/uploads                           auditor operator
            GET     /api/v1/statistics/volunteers                        auditor operator
            GET     /api/v1/teams                                        auditor handler lead-unit operator reviewer
            GET     /api/v1/teams/{id}                                   auditor handler lead-unit operator reviewer
            GET     /api/v1/teams/{id}/metrics/{year}                    auditor handler lead-unit operator
            GET     /api/v1/teams/{id}/metrics/{year}/{metric}           auditor handler lead-unit operator
            GET     /api/v1/tickets                                      auditor handler lead-unit operator partner
            GET     /api/v1/tickets/settings                             auditor operator
            GET     /api/v1/tickets/{id}                                 auditor handler lead-unit operator partner
            GET     /api/v1/tickets/{id}/attachments/{attachmentId}      auditor handler lead-unit operator partner
            GET     /api/v1/tickets/{id}/matches                         auditor operator
            GET     /api/v1/tickets/{id}/messages                        auditor handler lead-unit operator partner
            GET     /api/v1/upload-schedules                             signed-in
            GET     /api/v1/uploads                                      auditor handler lead-unit operator
            GET     /api/v1/uploads/completeness                         auditor handler lead-unit operator
            GET     /api/v1/uploads/overdue                              auditor operator
            GET     /api/v1/uploads/{id}                                 auditor handler lead-unit operator
            GET     /api/v1/uploads/usage                                auditor handler lead-unit operator
            GET     /api/v1/uploads/{id}/file                            auditor handler lead-unit operator
            GET     /api/v1/volunteers/{volunteer}/hours                 auditor handler lead-unit operator volunteer
            GET     /api/v1/volunteers/{volunteer}/hours.pdf             auditor handler lead-unit operator volunteer
            GET     /api/v1/webhooks                                     partner
            GET     /api/v1/webhooks/{id}                                partner
            GET     /api/v1/webhooks/{id}/deliveries                     partner
            PATCH   /api/v1/applications/{id}                            lead-unit operator
            PATCH   /api/v1/activities/{id}                              handler lead-unit operator
            PATCH   /api/v1/lead-units/{creditCode}                      lead-unit operator
            PATCH   /api/v1/library/{id}                                 handler lead-unit
            POST    /api/v1/dead-letters/replay                          operator
            POST    /api/v1/dead-letters/{id}/replay                     operator
            POST    /api/v1/activities                                   handler lead-unit
            POST    /api/v1/activities/{id}/withdraw                     handler lead-unit operator
            POST    /api/v1/demonstration-projects                       operator
            POST    /api/v1/guidance                                     operator
            POST    /api/v1/applications                                 lead-unit operator
            POST    /api/v1/applications/{id}/submit                     lead-unit operator
            POST    /api/v1/applications/{id}/withdraw                   lead-unit operator
            POST    /api/v1/appeals                                      lead-unit operator
            POST    /api/v1/appeals/{id}/decision                        operator
            POST    /api/v1/assessments/{year}/publish                   operator
            POST    /api/v1/assessments/{year}/results/{teamId}/grade    operator
            POST    /api/v1/assessments/{year}/runs                      operator
            POST    /api/v1/bans                                         operator
            POST    /api/v1/bans/{id}/lift                               operator
            POST    /api/v1/certificates/outstanding                     lead-unit
            POST    /api/v1/certificates/participation                   volunteer
            POST    /api/v1/certificates/{id}/approve                    operator
            POST    /api/v1/certificates/{id}/reject                     operator
            POST    /api/v1/certificates/{id}/revoke                     operator
            POST    /api/v1/complaints/{id}/outcome                      operator
            POST    /api/v1/complaints/{id}/response                     handler lead-unit
            POST    /api/v1/fee-violations/{id}/outcome                  operator
            POST    /api/v1/imports                                      operator
            POST    /api/v1/indicator-systems                            operator
            POST    /api/v1/indicator-systems/{id}/publish               operator
            POST    /api/v1/lead-units                                   lead-unit operator
            POST    /api/v1/library                                      handler lead-unit
            POST    /api/v1/library/{id}/publish                         operator reviewer
            POST    /api/v1/library/{id}/reject                          operator reviewer
            POST    /api/v1/library/{id}/submit                          handler lead-unit
            POST    /api/v1/notifications/read-all                       auditor handler lead-unit operator reviewer volunteer
            POST    /api/v1/notifications/{id}/read                      auditor handler lead-unit operator reviewer volunteer
            POST    /api/v1/participations                               volunteer
            POST    /api/v1/participations/{id}/confirm                  lead-unit
            POST    /api/v1/participations/{id}/reject                   lead-unit
            POST    /api/v1/personal-data/erasures                       operator
            POST    /api/v1/public/complaints                            anyone
            POST    /api/v1/registration-windows                         operator
            POST    /api/v1/registration-windows/{id}/close              operator
            POST    /api/v1/reviews/{id}/approve                         reviewer
            POST    /api/v1/reviews/{id}/assign                          operator
            POST    /api/v1/reviews/{id}/claim                           reviewer
            POST    /api/v1/reviews/{id}/reject                          reviewer
            POST    /api/v1/reviews/{id}/request-changes                 reviewer
            POST    /api/v1/sanctions                                    operator
            POST    /api/v1/teams/{id}/reinstate                         operator
            POST    /api/v1/teams/{id}/revoke                            operator
            POST    /api/v1/teams/{id}/suspend                           operator
            POST    /api/v1/tickets                                      operator partner
            POST    /api/v1/tickets/{id}/accept                          handler lead-unit
            POST    /api/v1/tickets/{id}/answer                          handler lead-unit
            POST    /api/v1/tickets/{id}/assign                          operator
            POST    /api/v1/tickets/{id}/attachments                     handler lead-unit operator partner
            POST    /api/v1/tickets/{id}/close                           operator partner
            POST    /api/v1/tickets/{id}/decline                         handler lead-unit
            POST    /api/v1/tickets/{id}/messages                        handler lead-unit operator partner
            POST    /api/v1/tickets/{id}/rating                          partner
            POST    /api/v1/tickets/{id}/reopen                          operator partner
            POST    /api/v1/tickets/{id}/request-info                    handler lead-unit
            POST    /api/v1/tickets/{id}/resolve                         handler lead-unit
            POST    /api/v1/tickets/{id}/resume                          handler lead-unit operator partner
            POST    /api/v1/tickets/{id}/withdraw                        operator partner
            POST    /api/v1/uploads                                      handler lead-unit
            POST    /api/v1/uploads/{id}/accept                          operator
            POST    /api/v1/uploads/{id}/return                          operator
            POST    /api/v1/webhooks                                     partner
            POST    /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver partner
            PUT     /api/v1/calendar/holidays/{day}                      operator
            PUT     /api/v1/incentives/{year}/lead-units/{creditCode}    operator
            PUT     /api/v1/indicator-systems/{id}                       operator
            PUT     /api/v1/key-fields/{year}                            operator
            PUT     /api/v1/quotas/{year}/{category}                     operator
            PUT     /api/v1/reviews/{id}/panel                           operator
            PUT     /api/v1/reviews/{id}/scores                          reviewer
            PUT     /api/v1/teams/{id}/handler                           lead-unit operator
            PUT     /api/v1/notifications/preferences                    auditor handler lead-unit operator reviewer volunteer
            PUT     /api/v1/teams/{id}/members                           lead-unit operator
            PUT     /api/v1/teams/{id}/partner-units                     lead-unit operator
            PUT     /api/v1/tickets/settings                             operator
            PUT     /api/v1/upload-schedules/{kind}                      operator
            """);

    static LaunchedSuite suite;
    static SuiteHttp http;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        http = new SuiteHttp(suite.gatewayUrl);
        RestAssured.baseURI = suite.gatewayUrl;
    }

    @Test
    void s1BadTokensAre401AtTheGatewayAndAtEveryService() {
        TokenForge forge = new TokenForge(suite.keys());
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("garbage", "not.a.token");
        bad.put("expired 45 s ago", forge.rs256(with(c -> {
            c.put("iat", Instant.now().minusSeconds(700).getEpochSecond());
            c.put("exp", Instant.now().minusSeconds(45).getEpochSecond());
            return c;
        })));
        bad.put("issued an hour ahead", forge.rs256(with(c -> {
            c.put("iat", Instant.now().plusSeconds(3600).getEpochSecond());
            c.put("exp", Instant.now().plusSeconds(7200).getEpochSecond());
            return c;
        })));
        bad.put("wrong issuer", forge.rs256(with(c -> {
            c.put("iss", "https://evil.example");
            return c;
        })));
        bad.put("wrong audience", forge.rs256(with(c -> {
            c.put("aud", "someone-else");
            return c;
        })));
        bad.put("alg none", forge.unsigned(TokenForge.operatorClaims()));
        bad.put("HS256 keyed with the public key", forge.hs256WithPublicKey(TokenForge.operatorClaims()));
        bad.put("tampered signature", forge.tampered(TokenForge.operatorClaims()));
        bad.put("a stranger's key", forge.rs256WithStrangeKey(TokenForge.operatorClaims()));
        String good = forge.rs256(TokenForge.operatorClaims());

        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("gateway", suite.gatewayUrl + "|/api/v1/lead-units");
        targets.put("registration-service", suite.serviceUrl("registration") + "|/api/v1/lead-units");
        targets.put("review-service", suite.serviceUrl("review") + "|/api/v1/reviews");
        targets.put("activity-service", suite.serviceUrl("activity") + "|/api/v1/tickets");
        targets.put("evaluation-service", suite.serviceUrl("evaluation") + "|/api/v1/indicator-systems");
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String> target : targets.entrySet()) {
            String[] parts = target.getValue().split("\\|");
            SuiteHttp to = new SuiteHttp(parts[0]);
            assertEquals(200, to.send("GET", parts[1], null, null, good).statusCode(), target.getKey() + " refused a good token");
            for (Map.Entry<String, String> token : bad.entrySet()) {
                HttpResponse<String> r = to.send("GET", parts[1], null, null, token.getValue());
                sent++;
                if (r.statusCode() != 401 || !SuiteHttp.isProblem(r)) {
                    wrong.add(target.getKey() + " answered " + r.statusCode() + " to a token " + token.getKey());
                }
            }
        }
        System.out.printf("security matrix S1: %d requests%n", sent);
        assertEquals(List.of(), wrong);
    }

    @Test
    void s1bHealthAndMetricsAreNotOnThePublicPort() {
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/health")) {
            HttpResponse<String> r = http.send("GET", path, null, null, null);
            assertEquals(404, r.statusCode(), path);
            assertTrue(SuiteHttp.isProblem(r), path);
        }
        SuiteHttp management = new SuiteHttp(suite.gatewayManagementUrl());
        assertEquals(200, management.send("GET", "/q/health/ready", null, null, null).statusCode());
        assertTrue(management.send("GET", "/q/metrics", null, null, null).body().contains("jvm_memory_used_bytes"));
    }

    @Test
    void s3EveryRoleOnEveryOperationAsThePolicySays() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : ROLES) {
            tokens.put(role, switch (role) {
                case "lead-unit" -> suite.token(role, "--org", TestCreditCodes.fresh("5110"), "--sub", "s3-lead-unit");
                case "handler" -> suite.token(role, "--teams", UUID.randomUUID().toString(), "--sub", "s3-handler");
                case "partner" -> suite.token(role, "--partner", "s3-partner", "--sub", "s3-partner");
                default -> suite.token(role, "--sub", "s3-" + role);
            });
        }
        ApiOperations api = new ApiOperations(http);
        Map<String, String> observed = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (ApiOperations.Operation op : api.all) {
            Set<String> admitted = new TreeSet<>();
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                int status = http.send(op.method(), op.plausiblePath(), op.emptyBody(), op.bodyType(), role.getValue())
                        .statusCode();
                sent++;
                if (status == 401) {
                    wrong.add(op.key() + " answered 401 to a good " + role.getKey() + " token");
                } else if (status != 403) {
                    admitted.add(role.getKey());
                }
            }
            int anonymous = http.send(op.method(), op.plausiblePath(), op.emptyBody(), op.bodyType(), null)
                    .statusCode();
            sent++;
            if (anonymous != 401) {
                admitted.add(ANYONE);
            }
            observed.put(op.key(), String.join(" ", admitted));
            Set<String> expected = POLICY.get(op.key());
            if (expected == null) {
                wrong.add(op.key() + " is not in the policy table");
            } else if (!expected.equals(admitted)) {
                wrong.add(op.key() + " admits " + admitted + ", the policy says " + expected);
            }
        }
        System.out.printf("security matrix S3: %d operations × %d callers, %d requests%n", api.all.size(),
                tokens.size() + 1, sent);
        if (!wrong.isEmpty()) {
            System.out.println("S3 observed (review before copying into POLICY):");
            observed.forEach((op, roles) -> System.out.printf("            %-60s %s%n", op, roles
                    .replace(String.join(" ", new TreeSet<>(ROLES)), SIGNED_IN).replace(ANYONE + " " + SIGNED_IN, ANYONE)));
        }
        assertEquals(List.of(), wrong);
        assertEquals(new TreeSet<>(observed.keySet()), new TreeSet<>(POLICY.keySet()),
                "the policy table names operations the document no longer has");
    }

    @Test
    void s2AnotherOrganisationsObjectIsNotFound() {
        // objects of organisation A: its lead unit record, an application, a partner's ticket
        String codeA = TestCreditCodes.fresh("5110");
        String leadUnitA = suite.token("lead-unit", "--org", codeA, "--sub", "s2-a");
        TeamApplicationFlowTest.start();
        TeamApplicationFlowTest.register(leadUnitA, codeA, "甲学会", "NATIONAL_SOCIETY");
        String application = given().auth().oauth2(leadUnitA).contentType(ContentType.JSON)
                .body(Map.of("name", "“科创中国”甲学会科技服务团", "categories", List.of("RD_SUPPORT")))
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String ticket = given().auth().oauth2(suite.token("partner", "--partner", "s2-partner-a"))
                .contentType(ContentType.JSON).body(Map.of("projectName", "跨组织可见性检查", "industryField", "新材料",
                        "technicalProblems", "高温合金的疲劳寿命", "region", "宁波市",
                        "demandSide", Map.of("name", "宁波某新材料有限公司"),
                        "externalId", "S2-" + UUID.randomUUID()))
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("id");

        String webhook = given().auth().oauth2(suite.token("partner", "--partner", "s2-partner-a"))
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/s2-hook", "eventTypes", List.of("ticket.rated")))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");

        // organisation B's callers, each with the roles that may call these operations for their own objects
        String codeB = TestCreditCodes.fresh("5110");
        Map<String, String> objects = Map.of("/api/v1/lead-units/{", codeA, "/api/v1/applications/{", application,
                "/api/v1/tickets/{", ticket, "/api/v1/webhooks/{", webhook);
        Map<String, String> others = Map.of(
                "lead-unit", suite.token("lead-unit", "--org", codeB, "--sub", "s2-b"),
                "partner", suite.token("partner", "--partner", "s2-partner-b", "--sub", "s2-partner-b"),
                "handler", suite.token("handler", "--teams", UUID.randomUUID().toString(), "--sub", "s2-handler-b"));
        ApiOperations api = new ApiOperations(http);
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (ApiOperations.Operation op : api.all) {
            String prefix = objects.keySet().stream().filter(op.template()::startsWith).findFirst().orElse(null);
            if (prefix == null) {
                continue;
            }
            String path = op.template().replaceFirst("\\{[^}]+}", objects.get(prefix)).replaceAll("\\{[^}]+}",
                    UUID.randomUUID().toString());
            for (Map.Entry<String, String> caller : others.entrySet()) {
                if (!POLICY.getOrDefault(op.key(), Set.of()).contains(caller.getKey())) {
                    continue;
                }
                HttpResponse<String> r = http.send(op.method(), path, op.emptyBody(), op.bodyType(), caller.getValue());
                sent++;
                // 400 for the empty body is fine too: validation comes before the lookup, and nothing leaks
                if (r.statusCode() != 404 && r.statusCode() != 400) {
                    wrong.add(op.key() + " as another " + caller.getKey() + " answered " + r.statusCode());
                }
            }
        }
        System.out.printf("security matrix S2: %d requests%n", sent);
        assertTrue(sent >= 10, "only " + sent + " requests: the document lost the operations on these objects");
        assertEquals(List.of(), wrong);
    }

    @Test
    void s4AnonymousLimitsPerRealClientBehindTheProxyAnd401FloodsThrottled() {
        // the test is the trusted proxy in front of the gateway (KCZG_GATEWAY_TRUSTED_PROXIES of the shared suite)
        String spender = "203.0.113." + (10 + (int) (Math.random() * 100));
        int first429 = -1;
        for (int i = 1; i <= 400 && first429 < 0; i++) {
            HttpResponse<String> r = http.send("GET", "/api/v1/public/teams?size=1", null, null, null,
                    Map.of("X-Forwarded-For", spender));
            if (r.statusCode() == 429) {
                first429 = i;
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), "429 without Retry-After");
                assertTrue(SuiteHttp.isProblem(r));
            }
        }
        assertTrue(first429 > 1, "the public budget of one client was never spent");
        // another client behind the same proxy has its own budget
        assertEquals(200, http.send("GET", "/api/v1/public/teams?size=1", null, null, null,
                Map.of("X-Forwarded-For", "198.51.100.7")).statusCode());
        // bad tokens cost the client's budget: a flood of them is throttled, not verified for free
        String flooder = "192.0.2." + (10 + (int) (Math.random() * 100));
        int throttled = 0;
        for (int i = 0; i < 400 && throttled == 0; i++) {
            int status = http.send("GET", "/api/v1/public/teams?size=1", null, null, "forged.token.value",
                    Map.of("X-Forwarded-For", flooder)).statusCode();
            if (status == 429) {
                throttled = i;
            } else {
                assertEquals(401, status);
            }
        }
        assertTrue(throttled > 0, "400 bad tokens in a row were all checked");
        System.out.printf("security matrix S4: public budget spent after %d requests, bad tokens throttled after %d%n",
                first429 - 1, throttled);
    }

    @Test
    void s5StateRules() {
        TeamApplicationFlowTest.start();
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code, "--sub", "s5-lead-unit");
        TeamApplicationFlowTest.register(leadUnit, code, "乙学会", "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”乙学会" + code.substring(10)
                + "科技服务团");
        String operator = suite.token("operator");
        String caseId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(operator)
                .queryParam("applicationId", application).when().get("/api/v1/reviews")
                .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);

        // conflict of interest after a reassignment: the operator names a reviewer of the applying unit
        String conflicted = suite.token("reviewer", "--org", code, "--sub", "s5-conflicted");
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("reviewer", "s5-conflicted"))
                .when().post("/api/v1/reviews/" + caseId + "/assign").then().statusCode(200);
        given().auth().oauth2(conflicted).contentType(ContentType.JSON).body(Map.of("reason", "同意"))
                .header("Accept-Language", "en")
                .when().post("/api/v1/reviews/" + caseId + "/approve").then().statusCode(403)
                .body("code", equalTo("forbidden")).body("detail", containsString("Conflict of interest"));

        // no double decision
        String reviewer = suite.token("reviewer", "--sub", "s5-reviewer");
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("reviewer", "s5-reviewer"))
                .when().post("/api/v1/reviews/" + caseId + "/assign").then().statusCode(200);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("reason", "符合第五条"))
                .when().post("/api/v1/reviews/" + caseId + "/approve").then().statusCode(200);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(Map.of("reason", "不符合"))
                .when().post("/api/v1/reviews/" + caseId + "/reject").then().statusCode(409);

        String teamId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(leadUnit)
                .when().get("/api/v1/applications/" + application).then().extract().<String>path("teamId"),
                id -> id != null);

        // no self-confirmed hours (Art. 13): one person as the lead unit and a volunteer of its activity
        Map<String, Object> report = Map.of("teamId", teamId, "category", "TECH_DISSEMINATION", "form", "TRAINING",
                "title", "新材料科普讲座", "startDate", YESTERDAY, "endDate", YESTERDAY,
                "place", Map.of("city", "宁波市"), "participants", 50, "enterprisesServed", 5,
                "feesCharged", Map.of("amount", 0));
        String activity = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth()
                .oauth2(leadUnit).contentType(ContentType.JSON).body(report).when().post("/api/v1/activities")
                .then().extract().<String>path("id"), id -> id != null);
        String self = suite.token("lead-unit,volunteer", "--org", code, "--sub", "s5-self");
        String participation = given().auth().oauth2(self).contentType(ContentType.JSON)
                .body(Map.of("activityId", activity, "name", "吴自证", "role", "讲师", "hours", 3))
                .when().post("/api/v1/participations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(self).header("Accept-Language", "en")
                .when().post("/api/v1/participations/" + participation + "/confirm")
                .then().statusCode(403).body("code", equalTo("forbidden")).body("detail", containsString("own hours"));

        // a revoked team acts on nothing
        Map<String, Object> entry = Map.of("teamId", teamId, "kind", "PROBLEM", "title", "撤销后的条目",
                "industryField", "新材料", "region", "宁波市", "description", "不应被接受");
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON).body(entry).when().post("/api/v1/library")
                .then().statusCode(201);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("reason", "第十七条 撤销"))
                .when().post("/api/v1/teams/" + teamId + "/revoke").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(leadUnit)
                .contentType(ContentType.JSON).body(entry).when().post("/api/v1/library").then().statusCode(409)
                .body("code", equalTo("team-not-active")));
        given().auth().oauth2(leadUnit).contentType(ContentType.JSON).body(report).when().post("/api/v1/activities")
                .then().statusCode(409);
    }

    private static Map<String, Object> with(UnaryOperator<Map<String, Object>> change) {
        return change.apply(TokenForge.operatorClaims());
    }

    private static Map<String, Set<String>> policy(String table) {
        Map<String, Set<String>> policy = new TreeMap<>();
        for (String line : table.strip().split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            Set<String> roles = new TreeSet<>();
            for (int i = 2; i < words.length; i++) {
                if (words[i].equals(SIGNED_IN) || words[i].equals(ANYONE)) {
                    roles.addAll(ROLES);
                }
                if (!words[i].equals(SIGNED_IN)) {
                    roles.add(words[i]);
                }
            }
            policy.put(words[0] + " " + words[1], roles);
        }
        return policy;
    }
}
