package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the operator console in a real browser — Playwright ({@code console/e2e/}, npm playwright-core) drives
 * Debian's headless Chromium against a suite launched for it, where an assigned ticket is due at once (SLA 0 working
 * days, watched every second) so the demand hall has an overdue ticket. This class prepares what the browser works
 * on (a case waiting for review, an overdue ticket and a second team among its matches), runs the browser script,
 * then checks through the API that what the browser did happened. The auditor signs in at an OpenID Connect provider
 * ({@link OidcProvider}, authorization code + PKCE). Screenshots: {@code target/console-screenshots/}.
 */
class OperatorConsoleBrowserTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Path CONSOLE = Path.of("..", "console").toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();
    static OidcProvider identityProvider;
    static LaunchedSuite suite;

    /** The gateway is set to an OpenID Connect provider (where the auditor signs in) and still takes tokens. */
    @BeforeAll
    static void start() throws Exception {
        identityProvider = new OidcProvider();
        suite = LaunchedSuite.start(Map.of("KCZG_SLA_FIRST_RESPONSE_DAYS", "0", "KCZG_SLA_RESOLUTION_DAYS", "0",
                "KCZG_SLA_CHECK_EVERY", "1s", "KCZG_GATEWAY_CONSOLE_OIDC_ISSUER", identityProvider.issuer(),
                "KCZG_GATEWAY_CONSOLE_OIDC_CLIENT_ID", OidcProvider.CLIENT_ID, "KCZG_GATEWAY_CONSOLE_TOKEN_SIGN_IN", "true"));
        RestAssured.baseURI = suite.gatewayUrl;
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (identityProvider != null) {
            identityProvider.close();
        }
    }

    @Test
    void anOperatorWatchesEventsDecidesACaseAssignsAnOverdueTicketAndRunsTheAssessment() throws Exception {
        String operator = suite.token("operator", "--sub", "运营-王芳");
        String reviewer = suite.token("reviewer", "--sub", "审查-李明");
        String auditor = suite.token("auditor");
        String partner = suite.token("partner", "--partner", "console-feeder");
        TeamApplicationFlowTest.openWindow(operator);
        String teamA = team(reviewer, "中国医工控制台甲学会", "“科创中国”医工转化甲科技服务团");
        String teamB = team(reviewer, "中国医工控制台乙学会", "“科创中国”医工转化乙科技服务团");
        String waiting = leadUnitWithApplication("中国医工控制台丙学会", "“科创中国”医工转化丙科技服务团");
        String caseId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(operator)
                .queryParam("applicationId", waiting).when().get("/api/v1/reviews").then().statusCode(200)
                .extract().<String>path("items[0].id"), id -> id != null);

        // tickets are due at assignment; on a weekend today is made a working day (调休)
        LocalDate today = LocalDate.now(CHINA);
        if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
            given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("name", "调休上班", "working", true))
                    .when().put("/api/v1/calendar/holidays/" + today).then().statusCode(200);
        }
        String ticket = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("projectName", "医疗器械临床转化合作", "industryField", "数字医疗", "region", "杭州市",
                        "technicalProblems", "新型监护设备的临床验证与注册", "demandSide", Map.of("name", "杭州某医疗器械有限公司"),
                        "externalId", "XQ-CONSOLE-1", "categories", List.of("RD_SUPPORT"), "keywords", List.of("医疗器械")))
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        Awaitility.await("activity-service knows the team").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth().oauth2(operator).contentType(ContentType.JSON)
                        .body(Map.of("teamId", teamA, "reason", "首次指派")).when()
                        .post("/api/v1/tickets/" + ticket + "/assign").then().statusCode(200));
        Awaitility.await("the ticket is overdue").atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .auth().oauth2(operator).queryParam("overdue", true).when().get("/api/v1/tickets").then()
                .statusCode(200).body("items.id", hasItem(ticket)));
        Awaitility.await("the other team is among its matches").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(operator).when().get("/api/v1/tickets/" + ticket + "/matches").then()
                        .statusCode(200).body("items.teamId", hasItem(teamB)));
        String year = String.valueOf(today.getYear());

        Files.createDirectories(SCREENSHOTS);
        Path log = SCREENSHOTS.resolve("browser.log");
        ProcessBuilder browser = new ProcessBuilder("npm", "run", "e2e").directory(CONSOLE.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        browser.environment().putAll(Map.of("KCZG_GATEWAY_URL", suite.gatewayUrl, "KCZG_OPERATOR_TOKEN", operator,
                "KCZG_REVIEWER_TOKEN", reviewer, "KCZG_AUDITOR_TOKEN", auditor, "KCZG_PARTNER_TOKEN", partner,
                "KCZG_CASE_ID", caseId, "KCZG_TICKET_ID", ticket, "KCZG_TEAM_ID", teamB, "KCZG_YEAR", year,
                "KCZG_SCREENSHOTS", SCREENSHOTS.toString()));
        browser.environment().put("KCZG_OIDC_ISSUER", identityProvider.issuer());
        Process run = browser.start();
        boolean ended = run.waitFor(6, TimeUnit.MINUTES);
        if (!ended) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        assertTrue(ended && run.exitValue() == 0, "the browser test failed:\n" + tail(log));

        // what the browser did, seen through the API; the auditor came through the provider with PKCE
        assertEquals(List.of(auditor), List.copyOf(identityProvider.exchanged.values()));
        given().auth().oauth2(reviewer).when().get("/api/v1/reviews/" + caseId).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("claimedBy", equalTo("审查-李明"));
        given().auth().oauth2(operator).when().get("/api/v1/tickets/" + ticket).then().statusCode(200)
                .body("teamId", equalTo(teamB));
        given().auth().oauth2(auditor).when().get("/api/v1/assessments/" + year + "/runs").then().statusCode(200)
                .body("items[0].state", equalTo("DONE"));
        given().auth().oauth2(operator).when().get("/api/v1/outbox").then().statusCode(200)
                .body("items.service", equalTo(List.of("activity", "evaluation", "registration", "review")))
                .body("items.status", everyItem(equalTo("UP"))).body("items.broker", everyItem(equalTo("publishing")));
        for (String view : List.of("01-events.png", "02-reviews-operator.png", "03-reviews.png", "04-tickets.png",
                "05-assessment.png", "06-operations.png", "07-tickets-tablet.png")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(view)) > 10_000, view);
        }
    }

    /** A lead unit of its own with an approved application: the team's id. */
    private static String team(String reviewer, String unit, String name) {
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code);
        TeamApplicationFlowTest.register(leadUnit, code, unit, "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit, name);
        TeamApplicationFlowTest.approveAndAwaitTeam(reviewer, leadUnit, application);
        String teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application).then()
                .extract().path("teamId");
        assertEquals(36, teamId.length());
        return teamId;
    }

    /** A lead unit of its own whose application waits for review: the application's id. */
    private static String leadUnitWithApplication(String unit, String name) {
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code);
        TeamApplicationFlowTest.register(leadUnit, code, unit, "NATIONAL_SOCIETY");
        return TeamApplicationFlowTest.draftAndSubmit(leadUnit, name);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
