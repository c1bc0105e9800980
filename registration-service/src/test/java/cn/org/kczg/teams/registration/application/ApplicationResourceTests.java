package cn.org.kczg.teams.registration.application;

import static cn.org.kczg.teams.registration.Fixtures.completeApplication;
import static cn.org.kczg.teams.registration.Fixtures.createDraft;
import static cn.org.kczg.teams.registration.Fixtures.registerLeadUnit;
import static cn.org.kczg.teams.registration.Fixtures.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.review.ReviewDecided.Decision;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.registration.ban.BanCopy;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationResourceTests {
    /** RFC 7396's media type; the charset spelled out, as RestAssured would otherwise encode the body in ISO-8859-1. */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private static Instant openWindowNow() {
        Instant era = Fixtures.newEra();
        Fixtures.openWindow(Fixtures.yearOf(era), era);
        TestClock.set(era.plus(Duration.ofDays(1)));
        return era;
    }

    @Test
    void aBannedLeadUnitsSubmissionIsRefusedAtOnceNamingTheDayTheBanEnds() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String id = createDraft(unit, completeApplication(uniqueName("禁止申报")));
        Instant era = openWindowNow();
        LocalDate lastDay = era.plus(Duration.ofDays(1)).atZone(BEIJING).toLocalDate();
        Fixtures.ban(Topics.EVALUATION, "evaluation-service", unit, lastDay.plusDays(1).minusYears(3));
        awaitBan(unit, lastDay);
        String token = TestTokens.leadUnit(unit);
        given().auth().oauth2(token).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(409).body("code", equalTo("lead-unit-banned"))
                .body("detail", containsString("禁止申报期至 " + lastDay + " 止"))
                .body("detail", containsString(lastDay.plusDays(1) + " 起方可再次申报"));
        given().auth().oauth2(token).header("Accept-Language", "en")
                .when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(409).body("code", equalTo("lead-unit-banned"))
                .body("detail", containsString("the ban ends on " + lastDay));
        given().auth().oauth2(token).when().get("/api/v1/applications/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT"));
        TestClock.set(era.plus(Duration.ofDays(2)));
        given().auth().oauth2(token).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void anOperatorsBanAnnouncedByReviewStopsSubmissionsToo() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String id = createDraft(unit, completeApplication(uniqueName("运营禁止")));
        Instant era = openWindowNow();
        LocalDate since = era.atZone(BEIJING).toLocalDate();
        Fixtures.ban(Topics.REVIEW, "review-service", unit, since);
        awaitBan(unit, since);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(409).body("code", equalTo("lead-unit-banned"));
    }

    private static void awaitBan(String unit, LocalDate day) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BanCopy.inForce(unit, day).isPresent()));
    }

    @Test
    void draftIsEditedThenSubmittedWithTheEventTheReviewNeeds() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String name = uniqueName("智能制造产业");
        String ascii = name.replace('“', '"').replace('”', '"');
        String id = createDraft(unit, Map.of("name", ascii, "categories", List.of("RD_SUPPORT")));
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().get("/api/v1/applications/" + id)
                .then().statusCode(200).body("name", equalTo(name)).body("status", equalTo("DRAFT"))
                .body("serviceContent", equalTo(name.substring(6, name.length() - 5)));

        Map<String, Object> rest = new java.util.HashMap<>(completeApplication(name));
        rest.remove("name");
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON).body(rest)
                .when().patch("/api/v1/applications/" + id)
                .then().statusCode(200).body("categories", containsInAnyOrder("TECH_DISSEMINATION",
                        "INDUSTRY_CONSULTING")).body("members.size()", equalTo(2));

        Instant era = openWindowNow();
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("year", equalTo(Fixtures.yearOf(era))).body("submissionCount", equalTo(1));

        var records = KafkaTestClient.readUntil(Topics.REGISTRATION, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> id.equals(r.key())));
        EventEnvelope event = EventJson.read(records.stream().filter(r -> id.equals(r.key())).findFirst()
                .orElseThrow().value());
        assertEquals("application.submitted", event.type());
        var p = event.payload();
        assertEquals(unit, p.get("leadUnitCreditCode").asText());
        assertEquals("NATIONAL_SOCIETY", p.get("leadUnitCategory").asText());
        assertEquals(name, p.get("name").asText());
        assertEquals(2, p.get("memberCount").asInt());
        assertEquals(1, p.get("leaderCount").asInt());
        assertEquals(1, p.get("partnerUnitCount").asInt());
        assertEquals(true, p.get("handlerNamed").asBoolean());
        assertEquals(6, p.get("resourcesCommitted").get("staff").asInt());
        assertEquals("苏州市", p.get("pilotCities").get(0).asText());
        assertEquals(Fixtures.yearOf(era), p.get("year").asInt());

        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/applications/" + id + "/history")
                .then().statusCode(200)
                .body("action", hasItems("application.created", "application.edited", "application.submitted"));
    }

    @Test
    void submittingOutsideAWindowSaysWhenTheNextOneOpens() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String id = createDraft(unit, completeApplication(uniqueName("新材料")));
        Instant era = Fixtures.newEra();
        Instant opens = era.plus(Duration.ofDays(10));
        Fixtures.openWindow(Fixtures.yearOf(era), opens);
        TestClock.set(era);
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("no-open-window"))
                .body("detail", containsString(opens.toString()));
    }

    @Test
    void anIncompleteApplicationListsEveryMissingPartAtOnce() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String id = createDraft(unit, Map.of("members", List.of(Map.of("name", "张伟", "role", "MEMBER"))));
        openWindowNow();
        given().auth().oauth2(TestTokens.leadUnit(unit)).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("incomplete-application"))
                .body("errors.field", hasItems("name", "categories", "pilotCities", "keyFields", "experience",
                        "distinctiveServices", "organisingCapacity", "workFoundation", "continuityPlan",
                        "resourcesCommitted.text", "members[0].field", "members[0].title",
                        "members[0].affiliation", "members", "handler"));
    }

    @Test
    void aNameOfTheWrongShapeIs400NamingTheFieldAndTheShape() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(Map.of("name", "科创中国智能制造科技服务团"))
                .when().post("/api/v1/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("detail", containsString("“科创中国”<service content>科技服务团"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", "科创中国智能制造科技服务团"))
                .when().post("/api/v1/applications")
                .then().statusCode(400).body("code", equalTo("validation")).body("errors[0].field", equalTo("name"))
                .body("detail", containsString("“科创中国”<服务内容/特色>科技服务团"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("name", "“科创中国”芯片科技服务团", "serviceContent", "别的"))
                .when().post("/api/v1/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("serviceContent"));
        given().auth().oauth2(TestTokens.leadUnit(unit)).contentType(ContentType.JSON)
                .body(Map.of("categories", List.of("COOKING")))
                .when().post("/api/v1/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("categories[0]"));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNames() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String token = TestTokens.leadUnit(unit);
        String path = "/api/v1/applications/" + createDraft(unit, completeApplication(uniqueName("数字乡村")));

        // absent members stay as they are
        given().auth().oauth2(token).contentType(MERGE_PATCH)
                .body("{\"experience\": \"新增：服务县域企业50家\"}")
                .when().patch(path)
                .then().statusCode(200).body("experience", equalTo("新增：服务县域企业50家"))
                .body("categories", containsInAnyOrder("TECH_DISSEMINATION", "INDUSTRY_CONSULTING"))
                .body("pilotCities", contains("苏州市", "深圳市"))
                .body("members.size()", equalTo(2)).body("handler.name", equalTo("赵强"));

        // application/json alike: null clears, objects merge member by member, arrays are replaced whole
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"otherRegions\": null, \"handler\": {\"phone\": \"010-62345678\"}, "
                        + "\"keyFields\": [\"智慧农业\"]}")
                .when().patch(path)
                .then().statusCode(200).body("otherRegions", nullValue())
                .body("handler.phone", equalTo("010-62345678")).body("handler.name", equalTo("赵强"))
                .body("keyFields", contains("智慧农业"))
                .body("experience", equalTo("新增：服务县域企业50家"))
                .body("pilotCities", contains("苏州市", "深圳市"));

        // the lead unit is required and fixed: null is refused naming it
        given().auth().oauth2(token).contentType(MERGE_PATCH).body("{\"leadUnit\": null}")
                .when().patch(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation")).body("errors[0].field", equalTo("leadUnit"));
        // an unknown member
        given().auth().oauth2(token).contentType(MERGE_PATCH).body("{\"colour\": \"red\"}")
                .when().patch(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown-field")).body("errors[0].field", equalTo("colour"));
        // a wrong type, in a merged object
        given().auth().oauth2(token).contentType(MERGE_PATCH)
                .body("{\"resourcesCommitted\": {\"staff\": \"many\"}}")
                .when().patch(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation")).body("errors[0].field", equalTo("resourcesCommitted.staff"));
        // the input rules of a create hold for a patch too
        given().auth().oauth2(token).contentType(MERGE_PATCH)
                .body("{\"resourcesCommitted\": {\"yearlyBudget\": 1e100000}}")
                .when().patch(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("resourcesCommitted.yearlyBudget"));
        // the merged result is validated as a create is, in the caller's language
        given().auth().oauth2(token).contentType(MERGE_PATCH)
                .body("{\"handler\": {\"phone\": \"x\"}, \"pilotCities\": [\"\"]}")
                .when().patch(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation")).body("errors.field", containsInAnyOrder("handler.phone",
                        "pilotCities[0]"))
                .body("errors.find { it.field == 'handler.phone' }.message", equalTo("必须是有效的电话号码"));
        given().auth().oauth2(token).contentType(MERGE_PATCH).header("Accept-Language", "en")
                .body("{\"handler\": {\"phone\": \"x\"}}")
                .when().patch(path)
                .then().statusCode(400)
                .body("errors.find { it.field == 'handler.phone' }.message", equalTo("must be a phone number"));
        // a patch must be an object
        given().auth().oauth2(token).contentType(MERGE_PATCH).body("[]")
                .when().patch(path)
                .then().statusCode(400).contentType("application/problem+json");

        // nothing the refused patches said was kept
        given().auth().oauth2(token).when().get(path)
                .then().statusCode(200).body("leadUnit", equalTo(unit)).body("handler.phone", equalTo("010-62345678"))
                .body("resourcesCommitted.staff", equalTo(6)).body("pilotCities", contains("苏州市", "深圳市"));

        // a name can be cleared in a draft, and its service content with it
        given().auth().oauth2(token).contentType(MERGE_PATCH).body("{\"name\": null}")
                .when().patch(path)
                .then().statusCode(200).body("name", nullValue()).body("serviceContent", nullValue());
    }

    @Test
    void anotherOrganisationsApplicationDoesNotExistForIt() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String stranger = registerLeadUnit("PROVINCIAL_SOCIETY");
        String id = createDraft(unit, Map.of("name", uniqueName("海洋经济")));
        String token = TestTokens.leadUnit(stranger);
        given().auth().oauth2(token).when().get("/api/v1/applications/" + id).then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("experience", "x"))
                .when().patch("/api/v1/applications/" + id).then().statusCode(404);
        given().auth().oauth2(token).when().post("/api/v1/applications/" + id + "/submit").then().statusCode(404);
        given().auth().oauth2(token).when().post("/api/v1/applications/" + id + "/withdraw").then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/v1/applications").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItems(id)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("leadUnit", unit))
                .when().post("/api/v1/applications").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("reviewer")).when().get("/api/v1/applications/" + id)
                .then().statusCode(200).body("leadUnit", equalTo(unit));
        given().auth().oauth2(TestTokens.token("reviewer")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/applications").then().statusCode(403);
    }

    @Test
    void illegalTransitionsAre409() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String token = TestTokens.leadUnit(unit);
        String id = createDraft(unit, completeApplication(uniqueName("生物医药")));
        openWindowNow();
        given().auth().oauth2(token).when().post("/api/v1/applications/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(token).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(409).body("code", equalTo("illegal-transition"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("experience", "改"))
                .when().patch("/api/v1/applications/" + id)
                .then().statusCode(409).body("code", equalTo("not-editable"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "调整方向"))
                .when().post("/api/v1/applications/" + id + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(token).when().post("/api/v1/applications/" + id + "/withdraw")
                .then().statusCode(409).body("code", equalTo("illegal-transition"));
        given().auth().oauth2(token).when().post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(409).body("code", equalTo("illegal-transition"));

        String draft = createDraft(unit, Map.of());
        given().auth().oauth2(token).when().post("/api/v1/applications/" + draft + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void withdrawalAndApprovalRacingEndTheSameWayEverywhere() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String token = TestTokens.leadUnit(unit);
        openWindowNow();
        // the withdrawal is taken first: the approval that crossed it has no effect (review frees its slot)
        String first = createDraft(unit, completeApplication(uniqueName("海洋工程")));
        given().auth().oauth2(token).when().post("/api/v1/applications/" + first + "/submit").then().statusCode(200);
        given().auth().oauth2(token).when().post("/api/v1/applications/" + first + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        UUID approval = Fixtures.decide(first, unit, Decision.APPROVED, "符合条件");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select count(*) from processed_event where event_id = :id")
                        .setParameter("id", approval).getSingleResult()).toString().equals("1"));
        given().auth().oauth2(token).when().get("/api/v1/applications/" + first).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("teamId", nullValue());

        // the approval is taken first: the withdrawal is refused and the team stands
        String second = createDraft(unit, completeApplication(uniqueName("海洋牧场")));
        given().auth().oauth2(token).when().post("/api/v1/applications/" + second + "/submit").then().statusCode(200);
        Fixtures.decide(second, unit, Decision.APPROVED, "符合条件");
        Fixtures.awaitStatus(unit, second, "APPROVED");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "不再申请"))
                .when().post("/api/v1/applications/" + second + "/withdraw")
                .then().statusCode(409).body("code", equalTo("illegal-transition"));
        given().auth().oauth2(token).when().get("/api/v1/applications/" + second).then()
                .body("status", equalTo("APPROVED")).body("teamId", notNullValue());
    }

    @Test
    void twoConcurrentSubmissionsOfOneNameExactlyOneWins() throws Exception {
        String name = uniqueName("集成电路");
        String a = registerLeadUnit("NATIONAL_SOCIETY");
        String b = registerLeadUnit("PROVINCIAL_CAST");
        String first = createDraft(a, completeApplication(name));
        String second = createDraft(b, completeApplication(name));
        openWindowNow();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> submits = new ArrayList<>();
        for (String[] pair : new String[][] {{a, first}, {b, second}}) {
            submits.add(() -> {
                start.await();
                return given().auth().oauth2(TestTokens.leadUnit(pair[0]))
                        .when().post("/api/v1/applications/" + pair[1] + "/submit").statusCode();
            });
        }
        List<Future<Integer>> results = submits.stream().map(pool::submit).toList();
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> r : results) {
            statuses.add(r.get());
        }
        pool.shutdown();
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 409), statuses);
    }

    @Test
    void reviewDecisionsMoveTheApplicationAndApprovalMakesATeam() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String token = TestTokens.leadUnit(unit);
        String name = uniqueName("现代农业");
        String id = createDraft(unit, completeApplication(name));
        Fixtures.submitInOwnWindow(unit, id);

        Fixtures.decide(id, unit, Decision.CHANGES_REQUESTED, "请补充团队成员的研究成果");
        Fixtures.awaitStatus(unit, id, "CHANGES_REQUESTED");
        given().auth().oauth2(token).when().get("/api/v1/applications/" + id)
                .then().body("decisionReasons[0]", equalTo("请补充团队成员的研究成果"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("experience", "补充：获省部级奖项3项"))
                .when().patch("/api/v1/applications/" + id).then().statusCode(200);
        Fixtures.submitInOwnWindow(unit, id);
        given().auth().oauth2(token).when().get("/api/v1/applications/" + id)
                .then().body("status", equalTo("SUBMITTED")).body("submissionCount", equalTo(2));

        Fixtures.decide(id, unit, Decision.APPROVED, "符合第五条、第八条");
        Fixtures.awaitStatus(unit, id, "APPROVED");
        String teamId = given().auth().oauth2(token).when().get("/api/v1/applications/" + id)
                .then().body("teamId", notNullValue()).extract().path("teamId");
        given().auth().oauth2(token).when().get("/api/v1/teams/" + teamId)
                .then().statusCode(200).body("name", equalTo(name)).body("status", equalTo("ACTIVE"))
                .body("handler.userId", equalTo("handler-zhaoqiang"));

        // the live team holds its name
        String copycat = registerLeadUnit("NATIONAL_SOCIETY");
        String copy = createDraft(copycat, completeApplication(name));
        openWindowNow();
        given().auth().oauth2(TestTokens.leadUnit(copycat)).when().post("/api/v1/applications/" + copy + "/submit")
                .then().statusCode(409).body("code", equalTo("name-taken"));
    }

    @Test
    void aRejectedApplicationFreesItsName() {
        String unit = registerLeadUnit("PROVINCIAL_CAST");
        String name = uniqueName("文旅融合");
        String id = createDraft(unit, completeApplication(name));
        Fixtures.submitInOwnWindow(unit, id);
        Fixtures.decide(id, unit, Decision.REJECTED, "不符合第五条");
        Fixtures.awaitStatus(unit, id, "REJECTED");

        String again = createDraft(unit, completeApplication(name));
        Fixtures.submitInOwnWindow(unit, again);
    }

    @Test
    void staffExportApplicationsAsCsvWithTheListsFilters() {
        String unit = registerLeadUnit("NATIONAL_SOCIETY");
        String name = uniqueName("导出申请");
        String id = createDraft(unit, completeApplication(name));
        String csv = new String(given().auth().oauth2(TestTokens.token("auditor")).accept("text/csv")
                .queryParam("leadUnit", unit).queryParam("status", "DRAFT").when().get("/api/v1/applications")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray(),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(0).startsWith("\uFEFF申请编号,团队名称,牵头单位,牵头单位统一社会信用代码"), lines.get(0));
        assertTrue(lines.get(1).startsWith(id + "," + name + ","), lines.get(1));
        assertTrue(lines.get(1).contains(",DRAFT,"), lines.get(1));
        given().auth().oauth2(TestTokens.token("auditor")).accept("text/csv").queryParam("leadUnit", unit)
                .queryParam("status", "SUBMITTED").when().get("/api/v1/applications").then().statusCode(200)
                .body(equalTo(lines.get(0) + "\r\n"));
        // a lead unit reads its own list as JSON, never as a file
        given().auth().oauth2(TestTokens.leadUnit(unit)).accept("text/csv").when().get("/api/v1/applications")
                .then().statusCode(403);
    }
}
