package cn.org.kczg.teams.review.review;

import static cn.org.kczg.teams.review.review.ReviewEvents.awaitCase;
import static cn.org.kczg.teams.review.review.ReviewEvents.newCreditCode;
import static cn.org.kczg.teams.review.review.ReviewEvents.publish;
import static cn.org.kczg.teams.review.review.ReviewEvents.submitted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.ApplicationWithdrawn;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.testkit.CreatedAt;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewCaseTests {
    private static final String REVIEWER = TestTokens.token("reviewer");

    @Inject
    ReviewCaseService service;
    @Inject
    AuditTrail audit;

    private static String leadUnit(String category) {
        String code = newCreditCode();
        publish(new LeadUnitRegistered(code, "单位" + code.substring(12), category));
        return code;
    }

    private static String caseOf(String leadUnit, String category) {
        UUID app = UUID.randomUUID();
        publish(submitted(app, leadUnit, category, Instant.now()));
        return awaitCase(app);
    }

    private static void claim(String caseId) {
        given().auth().oauth2(REVIEWER).when().post("/api/v1/reviews/" + caseId + "/claim").then().statusCode(200);
    }

    @Test
    void anEligibleCompleteApplicationPassesEveryCheck() {
        String unit = leadUnit("NATIONAL_SOCIETY");
        String id = caseOf(unit, "NATIONAL_SOCIETY");
        given().auth().oauth2(REVIEWER).when().get("/api/v1/reviews/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("leadUnit", equalTo(unit))
                .body("checks.name", contains("ELIGIBILITY", "BAN", "QUOTA", "COMPLETENESS"))
                .body("checks.passed", contains(true, true, true, true))
                .body("checks[2].detail", containsString("0 of 5"))
                .body("priority.parts", hasKey("keyFields"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/reviews/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.leadUnit(newCreditCode())).when().get("/api/v1/reviews/" + id)
                .then().statusCode(404);
        ReviewEvents.awaitUsed(unit, 1);
    }

    @Test
    void theFifthTeamOfANationalSocietyFitsAndTheSixthDoesNot() {
        String unit = leadUnit("NATIONAL_SOCIETY");
        ReviewEvents.liveTeams(unit, 4);
        ReviewEvents.awaitUsed(unit, 4);
        String fifth = caseOf(unit, "NATIONAL_SOCIETY");
        given().auth().oauth2(REVIEWER).when().get("/api/v1/reviews/" + fifth)
                .then().body("checks[2].passed", equalTo(true)).body("checks[2].detail", containsString("4 of 5"));
        String sixth = caseOf(unit, "NATIONAL_SOCIETY");
        given().auth().oauth2(REVIEWER).when().get("/api/v1/reviews/" + sixth)
                .then().body("checks[2].passed", equalTo(false)).body("checks[2].detail", containsString("5 of 5"));
    }

    @Test
    void revokedAndDisqualifiedTeamsNoLongerCount() {
        String unit = leadUnit("NATIONAL_SOCIETY");
        List<UUID> teams = ReviewEvents.liveTeams(unit, 3);
        ReviewEvents.awaitUsed(unit, 3);
        publish(new TeamStatusChanged(teams.get(0), unit, "ACTIVE", "REVOKED", "第十七条", Instant.now()));
        publish(new TeamStatusChanged(teams.get(1), unit, "ACTIVE", "SUSPENDED", "整改", Instant.now()));
        publish(new TeamStatusChanged(teams.get(2), unit, "ACTIVE", "DISQUALIFIED", "考核为差", Instant.now()));
        ReviewEvents.awaitUsed(unit, 1);
    }

    @Test
    void twoApplicationsRacingForTheLastSlotDoNotBothPass() throws Exception {
        String unit = leadUnit("PROVINCIAL_CAST");
        ReviewEvents.liveTeams(unit, 1);
        ReviewEvents.awaitUsed(unit, 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var event = submitted(UUID.randomUUID(), unit, "PROVINCIAL_CAST", Instant.now());
            var envelope = EventJson.envelope(event, "registration-service", "race", Instant.now());
            results.add(pool.submit(() -> {
                go.await();
                return QuarkusTransaction.requiringNew().call(() -> service.onApplicationSubmitted(event, envelope)
                        .check(CheckName.QUOTA).orElseThrow().passed());
            }));
        }
        go.countDown();
        List<Boolean> passed = new ArrayList<>();
        for (Future<Boolean> r : results) {
            passed.add(r.get());
        }
        pool.shutdown();
        assertEquals(1, passed.stream().filter(Boolean::booleanValue).count(), "exactly one gets the slot: " + passed);
    }

    @Test
    void anUnlistedKindOfUnitIsAdmittedOnlyWithAWrittenReasonThatTheDecisionAndAuditCarry() {
        String unit = leadUnit("OTHER");
        String id = caseOf(unit, "OTHER");
        claim(id);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/reviews/" + id)
                .then().body("checks[0].passed", equalTo(false));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "贡献突出"))
                .when().post("/api/v1/reviews/" + id + "/approve")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", startsWith("以“牵头单位资格”（ELIGIBILITY）检查未通过的单位"))
                .body("errors[0].message", containsString("现为 4 个字"));
        given().auth().oauth2(REVIEWER).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("reason", "贡献突出")).when().post("/api/v1/reviews/" + id + "/approve")
                .then().statusCode(400).body("errors[0].message", startsWith("approving a unit that failed the "
                        + "ELIGIBILITY check (a kind not listed in Art. 5)"));
        String reason = "该单位为省级产业技术研究院，属第五条“等”所涵盖的专业机构，经研究同意牵头";
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post("/api/v1/reviews/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("overrides[0].check", equalTo("ELIGIBILITY")).body("overrides[0].reason", equalTo(reason));
        var records = KafkaTestClient.readUntil(Topics.REVIEW, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> id.equals(r.key())));
        var event = EventJson.read(records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value());
        assertEquals("ELIGIBILITY", event.payload().get("overrides").get(0).get("check").asText());
        assertEquals(reason, event.payload().get("overrides").get(0).get("reason").asText());
        List<String> audited = QuarkusTransaction.requiringNew().call(() -> audit.of("review-case", id).stream()
                .filter(e -> e.action.equals("review.check-overridden")).map(e -> e.reason).toList());
        assertEquals(true, audited.contains("ELIGIBILITY: " + reason), "audited: " + audited);
    }

    @Test
    void anOperatorsBanIsAnnouncedAndCannotBeOverridden() {
        String unit = leadUnit("NATIONAL_SOCIETY");
        LocalDate since = LocalDate.now().minusDays(1);
        String banId = given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("creditCode", unit, "reasonClass", "LEGAL", "since", since.toString()))
                .when().post("/api/v1/bans").then().statusCode(201).extract().path("id");
        var announced = KafkaTestClient.readUntil(Topics.REVIEW, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> unit.equals(r.key())));
        var banned = EventJson.read(announced.stream().filter(r -> unit.equals(r.key())).findFirst().orElseThrow()
                .value());
        assertEquals("lead-unit.banned", banned.type());
        assertEquals(banId, banned.payload().get("banId").asText());
        assertEquals(since.plusYears(3).toString(), banned.payload().get("until").asText());
        String id = caseOf(unit, "NATIONAL_SOCIETY");
        claim(id);
        Map<String, String> approval = Map.of("reason", "尽管该单位处于禁止申报期内，但其贡献突出，特此批准");
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(approval)
                .when().post("/api/v1/reviews/" + id + "/approve")
                .then().statusCode(409).body("code", equalTo("check-not-overridable"))
                .body("title", equalTo("冲突"))
                .body("detail", startsWith("“禁止申报”（BAN）检查未通过，且不得例外批准：第二十条"));
        given().auth().oauth2(REVIEWER).header("Accept-Language", "en").contentType(ContentType.JSON).body(approval)
                .when().post("/api/v1/reviews/" + id + "/approve")
                .then().statusCode(409).body("code", equalTo("check-not-overridable"))
                .body("title", equalTo("Conflict"))
                .body("detail", startsWith("The BAN check failed and cannot be overridden: 第二十条"));
    }

    @Test
    void fieldMessagesAreChineseUnlessEnglishIsAskedFor() {
        String id = caseOf(leadUnit("NATIONAL_SOCIETY"), "NATIONAL_SOCIETY");
        claim(id);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post("/api/v1/reviews/" + id + "/reject")
                .then().statusCode(400).body("code", equalTo("validation")).body("title", equalTo("请求无效"))
                .body("errors[0].field", equalTo("reason")).body("errors[0].message", equalTo("不能为空"));
        given().auth().oauth2(REVIEWER).header("Accept-Language", "en-GB,en;q=0.9").contentType(ContentType.JSON)
                .body(Map.of("reason", " ")).when().post("/api/v1/reviews/" + id + "/reject")
                .then().statusCode(400).body("code", equalTo("validation")).body("title", equalTo("Invalid request"))
                .body("errors[0].field", equalTo("reason")).body("errors[0].message", equalTo("must not be blank"));
        // the service's own field rule (Art. 8 override reason) in both languages, the same field and code
        String unit = leadUnit("PROVINCIAL_CAST");
        ReviewEvents.liveTeams(unit, 2);
        ReviewEvents.awaitUsed(unit, 2);
        String overQuota = caseOf(unit, "PROVINCIAL_CAST");
        claim(overQuota);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "同意"))
                .when().post("/api/v1/reviews/" + overQuota + "/approve")
                .then().statusCode(400).body("code", equalTo("validation")).body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", equalTo("在“名额”（QUOTA）检查未通过的情况下批准，须填写不少于 20 个字的书面理由（第八条），现为 2 个字"))
                .body("detail", startsWith("reason："));
        given().auth().oauth2(REVIEWER).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("reason", "同意")).when().post("/api/v1/reviews/" + overQuota + "/approve")
                .then().statusCode(400).body("code", equalTo("validation")).body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", equalTo("approving despite the failed QUOTA check needs a written reason "
                        + "of at least 20 characters (Art. 8), got 2"));
    }

    @Test
    void aBanFailsApplicationsUntilTheDayThreeYearsLater() {
        String unit = leadUnit("NATIONAL_SOCIETY");
        LocalDate since = LocalDate.of(2024, 3, 15);
        CreatedAt.follow(given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("creditCode", unit, "reasonClass", "SCIENTIFIC", "since", since.toString(), "note", "学术不端"))
                .when().post("/api/v1/bans").then().statusCode(201).body("until", equalTo("2027-03-15"))
                .extract().response(), TestTokens.token("reviewer"));
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        UUID lastDay = UUID.randomUUID();
        publish(submitted(lastDay, unit, "NATIONAL_SOCIETY", LocalDate.of(2027, 3, 14).atTime(23, 0)
                .atZone(beijing).toInstant()));
        UUID dayAfter = UUID.randomUUID();
        publish(submitted(dayAfter, unit, "NATIONAL_SOCIETY", LocalDate.of(2027, 3, 15).atTime(0, 30)
                .atZone(beijing).toInstant()));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/reviews/" + awaitCase(lastDay))
                .then().body("checks[1].passed", equalTo(false)).body("checks[1].detail", containsString("学术不端"));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/reviews/" + awaitCase(dayAfter))
                .then().body("checks[1].passed", equalTo(true));
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("creditCode", unit)
                .when().get("/api/v1/bans").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].inForce", equalTo(true));
        given().auth().oauth2(TestTokens.token("reviewer")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/bans").then().statusCode(403);
    }

    @Test
    void aBanInForceShowsInEligibility() {
        String unit = leadUnit("PROVINCIAL_CAST");
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("creditCode", unit, "reasonClass", "LEGAL", "since", LocalDate.now().minusDays(1).toString()))
                .when().post("/api/v1/bans").then().statusCode(201);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/eligibility/" + unit)
                .then().statusCode(200).body("ban.reasonClass", equalTo("LEGAL"))
                .body("ban.until", equalTo(LocalDate.now().minusDays(1).plusYears(3).toString()));
    }

    @Test
    void aFailedQuotaIsOverriddenOnlyWithAReasonOfTwentyCharacters() {
        String unit = leadUnit("PROVINCIAL_CAST");
        ReviewEvents.liveTeams(unit, 2);
        ReviewEvents.awaitUsed(unit, 2);
        String id = caseOf(unit, "PROVINCIAL_CAST");
        claim(id);
        given().auth().oauth2(REVIEWER).when().post("/api/v1/reviews/" + id + "/approve")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "一二三四五六七八九十一二三四五六七八九"))
                .when().post("/api/v1/reviews/" + id + "/approve").then().statusCode(400);
        String reason = "该省科协承担国家重大区域战略任务，经研究同意超出名额";
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post("/api/v1/reviews/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("overrides[0].check", equalTo("QUOTA")).body("overrides[0].reason", equalTo(reason));
        var records = KafkaTestClient.readUntil(Topics.REVIEW, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> id.equals(r.key())));
        var event = EventJson.read(records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value());
        assertEquals("review.decided", event.type());
        assertEquals("APPROVED", event.payload().get("decision").asText());
        assertEquals("QUOTA", event.payload().get("overrides").get(0).get("check").asText());
        assertEquals("test-reviewer", event.payload().get("reviewer").asText());
    }

    @Test
    void reviewersOfTheApplyingOrganisationMayNotClaim() {
        String unit = leadUnit("NATIONAL_SOCIETY");
        String id = caseOf(unit, "NATIONAL_SOCIETY");
        String subject = "insider-" + unit;
        String insider = TestTokens.sign(TestTokens.builder("reviewer").subject(subject).claim("org", unit));
        given().auth().oauth2(insider).header("Accept-Language", "en").when().post("/api/v1/reviews/" + id + "/claim")
                .then().statusCode(403).body("code", equalTo("forbidden"))
                .body("detail", containsString("Conflict of interest"));
        given().auth().oauth2(insider).when().post("/api/v1/reviews/" + id + "/claim")
                .then().statusCode(403).body("code", equalTo("forbidden")).body("detail", containsString("利益冲突"));
        // an operator assigning the case to the insider does not let them decide it
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("reviewer", subject)).when().post("/api/v1/reviews/" + id + "/assign").then().statusCode(200);
        // … who is told of it (review.case-assigned, which activity-service turns into the reviewer's notice)
        var assigned = KafkaTestClient.readUntil(Topics.REVIEW, Duration.ofSeconds(20), read -> read.stream()
                .anyMatch(r -> id.equals(r.key()) && r.value().contains("review.case-assigned")));
        var event = EventJson.read(assigned.stream().filter(r -> id.equals(r.key())
                && r.value().contains("review.case-assigned")).findFirst().orElseThrow().value());
        assertEquals(subject, event.payload().get("reviewer").asText());
        assertEquals("test-operator", event.payload().get("assignedBy").asText());
        for (String decision : List.of("approve", "reject", "request-changes")) {
            given().auth().oauth2(insider).header("Accept-Language", "en").contentType(ContentType.JSON)
                    .body(Map.of("reason", "本单位申请，符合条件")).when().post("/api/v1/reviews/" + id + "/" + decision)
                    .then().statusCode(403).body("code", equalTo("forbidden"))
                    .body("detail", containsString("Conflict of interest"));
        }
        given().auth().oauth2(REVIEWER).when().get("/api/v1/reviews/" + id).then().body("status", equalTo("PENDING"));
    }

    @Test
    void aWithdrawalThatRegistrationTookBeforeTheApprovalWinsAndFreesTheSlot() {
        String unit = leadUnit("NATIONAL_SOCIETY");
        UUID app = UUID.randomUUID();
        publish(submitted(app, unit, "NATIONAL_SOCIETY", Instant.now()));
        String id = awaitCase(app);
        claim(id);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "符合第五条"))
                .when().post("/api/v1/reviews/" + id + "/approve").then().statusCode(200);
        ReviewEvents.awaitUsed(unit, 1);
        // registration withdrew the application before the decision reached it: its withdrawal is the truth
        publish(new ApplicationWithdrawn(app, unit, 2026, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(REVIEWER)
                .when().get("/api/v1/reviews/" + id).then().body("status", equalTo("WITHDRAWN")));
        ReviewEvents.awaitUsed(unit, 0);
    }

    @Test
    void onlyTheClaimantDecidesOnceAndOnTheCurrentVersion() {
        String id = caseOf(leadUnit("NATIONAL_SOCIETY"), "NATIONAL_SOCIETY");
        given().auth().oauth2(REVIEWER).when().post("/api/v1/reviews/" + id + "/approve").then().statusCode(403);
        // the claim's answer names the version the claim made: the next change can name it (no stale-version)
        int claimed = given().auth().oauth2(REVIEWER).when().post("/api/v1/reviews/" + id + "/claim").then()
                .statusCode(200).extract().path("version");
        String other = TestTokens.sign(TestTokens.builder("reviewer").subject("other-reviewer"));
        given().auth().oauth2(other).when().post("/api/v1/reviews/" + id + "/claim").then().statusCode(409);
        given().auth().oauth2(other).when().post("/api/v1/reviews/" + id + "/approve").then().statusCode(403);
        int version = given().auth().oauth2(REVIEWER).when().get("/api/v1/reviews/" + id).then().extract().path("version");
        assertEquals(version, claimed);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "符合", "version", version - 1))
                .when().post("/api/v1/reviews/" + id + "/approve").then().statusCode(409).body("code", equalTo("stale-version"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/reviews/" + id + "/reject").then().statusCode(400);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "符合", "version", version))
                .when().post("/api/v1/reviews/" + id + "/approve").then().statusCode(200);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "不符合"))
                .when().post("/api/v1/reviews/" + id + "/reject").then().statusCode(409).body("code", equalTo("not-pending"));
        // the operator can reassign pending cases only
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON).body(Map.of("reviewer", "x"))
                .when().post("/api/v1/reviews/" + id + "/assign").then().statusCode(409);
    }

    @Test
    void requestedChangesReopenTheSameCaseOnResubmission() {
        String unit = leadUnit("NATIONAL_SOCIETY");
        UUID app = UUID.randomUUID();
        publish(submitted(app, unit, "NATIONAL_SOCIETY", Instant.now()));
        String id = awaitCase(app);
        claim(id);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "请补充资源投入说明"))
                .when().post("/api/v1/reviews/" + id + "/request-changes")
                .then().statusCode(200).body("status", equalTo("CHANGES_REQUESTED"));
        publish(submitted(app, unit, "NATIONAL_SOCIETY", Instant.now(), 2, "补充后的工作基础", BigDecimal.TEN, 2,
                List.of("智能制造")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .oauth2(REVIEWER).when().get("/api/v1/reviews/" + id)
                .then().body("status", equalTo("PENDING")).body("submissionCount", equalTo(2)));
    }

    @Test
    void theQueueOrdersByPriorityAndAnnualQuotasDecideTheLimit() {
        int year = 2026;
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON)
                .body(Map.of("fields", List.of("量子信息", "智能制造")))
                .when().put("/api/v1/key-fields/" + year).then().statusCode(200);
        String unit = leadUnit("UNIVERSITY_INSTITUTE_ENTERPRISE");
        UUID weak = UUID.randomUUID();
        UUID strong = UUID.randomUUID();
        publish(submitted(weak, unit, "UNIVERSITY_INSTITUTE_ENTERPRISE", Instant.now(), 1, "少", null, null,
                List.of("纺织")));
        publish(submitted(strong, unit, "UNIVERSITY_INSTITUTE_ENTERPRISE", Instant.now(), 1, "基础".repeat(150),
                new BigDecimal("2000000"), 20, List.of("量子信息")));
        String weakCase = awaitCase(weak);
        String strongCase = awaitCase(strong);
        given().auth().oauth2(REVIEWER).queryParam("leadUnit", unit).when().get("/api/v1/reviews")
                .then().statusCode(200).body("items.id", contains(strongCase, weakCase))
                .body("items[0].priority.score", equalTo(100.0f));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/reviews/" + weakCase)
                .then().body("checks[2].passed", nullValue()).body("checks[2].detail", containsString("reviewer decides"));

        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON).body(Map.of("limit", 3))
                .when().put("/api/v1/quotas/" + LocalDate.now().getYear() + "/UNIVERSITY_INSTITUTE_ENTERPRISE")
                .then().statusCode(200);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/eligibility/" + unit)
                .then().body("quota.limit", equalTo(3)).body("quota.used", equalTo(2));
        given().auth().oauth2(TestTokens.token("operator")).contentType(ContentType.JSON).body(Map.of("limit", 3))
                .when().put("/api/v1/quotas/2026/NATIONAL_SOCIETY").then().statusCode(409)
                .body("code", equalTo("fixed-quota"))
                .body("detail", startsWith("第八条已规定“中国科协所属全国学会、协会、研究会”（NATIONAL_SOCIETY）"));
        given().auth().oauth2(TestTokens.token("operator")).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("limit", 3)).when().put("/api/v1/quotas/2026/NATIONAL_SOCIETY").then().statusCode(409)
                .body("code", equalTo("fixed-quota")).body("detail", equalTo("Art. 8 fixes the quota of NATIONAL_SOCIETY; "
                        + "annual quotas apply to categories (c) and (d) and provincial societies."));
    }
}
