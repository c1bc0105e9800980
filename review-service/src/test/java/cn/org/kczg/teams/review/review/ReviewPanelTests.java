package cn.org.kczg.teams.review.review;

import static cn.org.kczg.teams.review.review.ReviewEvents.awaitCase;
import static cn.org.kczg.teams.review.review.ReviewEvents.newCreditCode;
import static cn.org.kczg.teams.review.review.ReviewEvents.publish;
import static cn.org.kczg.teams.review.review.ReviewEvents.submitted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.EventJson;
import cn.org.kczg.teams.events.Topics;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.testkit.KafkaTestClient;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewPanelTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private record Case(String id, String leadUnit, UUID applicationId) {
    }

    private static Case newCase() {
        String unit = newCreditCode();
        publish(new LeadUnitRegistered(unit, "单位" + unit.substring(12), "NATIONAL_SOCIETY"));
        UUID app = UUID.randomUUID();
        publish(submitted(app, unit, "NATIONAL_SOCIETY", Instant.now()));
        return new Case(awaitCase(app), unit, app);
    }

    /** Reviewer subjects unique to a test, so panels of parallel runs never meet. */
    private static String sub(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String reviewer(String subject) {
        return TestTokens.sign(TestTokens.builder("reviewer").subject(subject));
    }

    private static ValidatableResponse appoint(String caseId, List<String> reviewers, String chair) {
        Map<String, Object> body = new HashMap<>();
        body.put("reviewers", reviewers);
        body.put("chair", chair);
        return given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/reviews/" + caseId + "/panel").then();
    }

    /** A sheet scoring every Art. 6 criterion {@code art6} and every Art. 9 one {@code art9}. */
    private static Map<String, Object> sheet(int art6, int art9) {
        Map<String, Object> scores = new LinkedHashMap<>();
        PanelTest.scores(art6, art9).forEach(scores::put);
        Map<String, Object> body = new HashMap<>();
        body.put("noConflict", true);
        body.put("scores", scores);
        body.put("comment", "服务经验丰富，资源投入明确");
        return body;
    }

    private static ValidatableResponse score(String subject, String caseId, Object body) {
        return given().auth().oauth2(reviewer(subject)).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/reviews/" + caseId + "/scores").then();
    }

    private static ValidatableResponse decide(String subject, String caseId, String decision) {
        return given().auth().oauth2(reviewer(subject)).contentType(ContentType.JSON).body(Map.of("reason", "经评审组评议"))
                .when().post("/api/v1/reviews/" + caseId + "/" + decision).then();
    }

    @Test
    void anOperatorAppointsOneToFiveDistinctReviewersChairedByOneOfThem() {
        Case c = newCase();
        String a = sub("a");
        String b = sub("b");
        String d = sub("d");
        appoint(c.id, List.of(), a).statusCode(400).body("errors.field", hasItem("reviewers"));
        appoint(c.id, List.of("r1", "r2", "r3", "r4", "r5", "r6"), "r1").statusCode(400)
                .body("errors.field", hasItem("reviewers"));
        appoint(c.id, List.of(a, a), a).statusCode(400).body("errors.field", hasItem("reviewers"));
        appoint(c.id, List.of(a, b), d).statusCode(400).body("errors.field", hasItem("chair"));
        appoint(UUID.randomUUID().toString(), List.of(a), a).statusCode(404);
        for (String token : List.of(reviewer(a), TestTokens.leadUnit(c.leadUnit), TestTokens.token("auditor"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reviewers", List.of(a), "chair", a))
                    .when().put("/api/v1/reviews/" + c.id + "/panel").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("reviewers", List.of(a), "chair", a))
                .when().put("/api/v1/reviews/" + c.id + "/panel").then().statusCode(401);

        appoint(c.id, List.of(a, b), a).statusCode(200).body("claimedBy", equalTo(a))
                .body("panel.chair", equalTo(a)).body("panel.members.reviewer", contains(a, b))
                .body("panel.members.chair", contains(true, false)).body("panel.scoringRequired", equalTo(true))
                .body("panel.awaiting", contains(a, b));
        score(b, c.id, sheet(8, 6)).statusCode(200);
        // b stays and keeps their scores; d joins, a leaves, and d chairs
        appoint(c.id, List.of(b, d), d).statusCode(200).body("claimedBy", equalTo(d))
                .body("panel.members.reviewer", contains(b, d)).body("panel.awaiting", contains(d))
                .body("panel.members[0].scores.ART6_EXPERIENCE", equalTo(8));

        // each member added is told, once: a and b, then d
        var read = KafkaTestClient.readUntil(Topics.REVIEW, Duration.ofSeconds(30), records -> records.stream()
                .filter(r -> c.id.equals(r.key()) && r.value().contains("review.case-assigned")).count() >= 3);
        List<String> told = read.stream().filter(r -> c.id.equals(r.key()) && r.value().contains("review.case-assigned"))
                .map(r -> EventJson.read(r.value()).payload().get("reviewer").asText()).toList();
        assertEquals(List.of(a, b, d), told);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScoreSheetNeedsEveryCriterionAsAWholeNumberFromZeroToTenAndAComment() {
        Case c = newCase();
        String a = sub("a");
        appoint(c.id, List.of(a), a).statusCode(200);
        Map<String, Object> tooHigh = sheet(5, 5);
        ((Map<String, Object>) tooHigh.get("scores")).put("ART6_EXPERIENCE", 11);
        score(a, c.id, tooHigh).statusCode(400).body("errors[0].field", equalTo("scores.ART6_EXPERIENCE"));
        Map<String, Object> negative = sheet(5, 5);
        ((Map<String, Object>) negative.get("scores")).put("ART9_RESOURCES", -1);
        score(a, c.id, negative).statusCode(400).body("errors[0].field", equalTo("scores.ART9_RESOURCES"));
        Map<String, Object> fraction = sheet(5, 5);
        ((Map<String, Object>) fraction.get("scores")).put("ART9_RESOURCES", 5.5);
        score(a, c.id, fraction).statusCode(400).body("errors[0].field", equalTo("scores.ART9_RESOURCES"));
        Map<String, Object> word = sheet(5, 5);
        ((Map<String, Object>) word.get("scores")).put("ART9_RESOURCES", "ten");
        score(a, c.id, word).statusCode(400).body("code", equalTo("validation"));
        Map<String, Object> missing = sheet(5, 5);
        ((Map<String, Object>) missing.get("scores")).remove("ART9_KEY_FIELDS");
        score(a, c.id, missing).statusCode(400).body("errors[0].field", equalTo("scores.ART9_KEY_FIELDS"))
                .body("detail", containsString("契合“科创中国”建设重点领域要求"));
        Map<String, Object> unknown = sheet(5, 5);
        ((Map<String, Object>) unknown.get("scores")).put("ART7\u0000X", 3);
        score(a, c.id, unknown).statusCode(400);
        Map<String, Object> nul = sheet(5, 5);
        nul.put("comment", "好\u0000");
        score(a, c.id, nul).statusCode(400).body("errors[0].field", equalTo("comment"));
        Map<String, Object> noComment = sheet(5, 5);
        noComment.remove("comment");
        score(a, c.id, noComment).statusCode(400).body("errors[0].field", equalTo("comment"));
        Map<String, Object> longComment = sheet(5, 5);
        longComment.put("comment", "长".repeat(2001));
        score(a, c.id, longComment).statusCode(400).body("errors[0].field", equalTo("comment"));
        Map<String, Object> undeclared = sheet(5, 5);
        undeclared.remove("noConflict");
        score(a, c.id, undeclared).statusCode(400).body("errors[0].field", equalTo("noConflict"));
        given().auth().oauth2(reviewer(a)).contentType(ContentType.JSON).body("")
                .when().put("/api/v1/reviews/" + c.id + "/scores").then().statusCode(400);
        given().auth().oauth2(reviewer(a)).contentType(ContentType.JSON).body("[1]")
                .when().put("/api/v1/reviews/" + c.id + "/scores").then().statusCode(400);
        // nothing of the above was kept
        given().auth().oauth2(OPERATOR).when().get("/api/v1/reviews/" + c.id).then()
                .body("panel.members[0].scoredAt", nullValue());

        score(sub("outsider"), c.id, sheet(5, 5)).statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(TestTokens.leadUnit(c.leadUnit)).contentType(ContentType.JSON).body(sheet(5, 5))
                .when().put("/api/v1/reviews/" + c.id + "/scores").then().statusCode(403);
        score(a, UUID.randomUUID().toString(), sheet(5, 5)).statusCode(404);
        score(a, c.id, sheet(10, 0)).statusCode(200).body("panel.members[0].scores.ART6_EXPERIENCE", equalTo(10))
                .body("panel.members[0].scores.ART9_KEY_FIELDS", equalTo(0))
                .body("panel.members[0].comment", equalTo("服务经验丰富，资源投入明确"));
    }

    @Test
    void aDeclaredConflictRecusesTheMemberWhoThenNeitherScoresNorReturns() {
        Case c = newCase();
        String a = sub("a");
        String b = sub("b");
        appoint(c.id, List.of(a, b), a).statusCode(200);
        Map<String, Object> conflict = new HashMap<>(Map.of("noConflict", false));
        score(b, c.id, conflict).statusCode(409).body("code", equalTo("conflict-of-interest"));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/reviews/" + c.id).then()
                .body("panel.recused.reviewer", contains(b)).body("panel.members[1].recused", equalTo(true))
                .body("panel.awaiting", contains(a));
        score(b, c.id, sheet(9, 9)).statusCode(409).body("code", equalTo("recused"));
        decide(b, c.id, "approve").statusCode(403);
        appoint(c.id, List.of(a, b), a).statusCode(409).body("code", equalTo("recused"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reviewer", b))
                .when().post("/api/v1/reviews/" + c.id + "/assign").then().statusCode(409).body("code", equalTo("recused"));
        // the recused member is not awaited: the chair's scores suffice
        score(a, c.id, sheet(7, 7)).statusCode(200);
        decide(a, c.id, "approve").statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void onlyTheChairDecidesAndOnlyOnceEveryMemberHasScored() {
        Case c = newCase();
        String a = sub("a");
        String b = sub("b");
        appoint(c.id, List.of(a, b), a).statusCode(200);
        decide(b, c.id, "approve").statusCode(403).body("code", equalTo("forbidden"));
        decide(a, c.id, "approve").statusCode(409).body("code", equalTo("scores-missing"))
                .body("detail", containsString(b));
        score(a, c.id, sheet(8, 8)).statusCode(200);
        decide(a, c.id, "reject").statusCode(409).body("code", equalTo("scores-missing"));
        decide(a, c.id, "request-changes").statusCode(409).body("code", equalTo("scores-missing"));
        score(b, c.id, sheet(6, 6)).statusCode(200);
        decide(b, c.id, "reject").statusCode(403);
        decide(a, c.id, "approve").statusCode(200).body("status", equalTo("APPROVED"));
        score(b, c.id, sheet(1, 1)).statusCode(409).body("code", equalTo("not-pending"));
        appoint(c.id, List.of(a), a).statusCode(409).body("code", equalTo("not-pending"));
    }

    @Test
    void theCaseShowsScoresAndMeansToThoseWhoMaySeeThemAndThePanelsArt9MeanRanksIt() {
        Case c = newCase();
        String a = sub("a");
        String b = sub("b");
        String d = sub("d");
        appoint(c.id, List.of(a, b, d), a).statusCode(200).body("priority.basis", equalTo("APPLICATION_TEXT"));
        double textScore = given().auth().oauth2(OPERATOR).when().get("/api/v1/reviews/" + c.id).then()
                .extract().jsonPath().getDouble("priority.textScore");
        score(b, c.id, sheet(8, 6)).statusCode(200)
                .body("panel.members[1].scores.ART6_EXPERIENCE", equalTo(8)).body("panel.mean", notNullValue());
        // d has not scored: b's scores and the means are hidden from them
        given().auth().oauth2(reviewer(d)).when().get("/api/v1/reviews/" + c.id).then().statusCode(200)
                .body("panel.members[1].scoredAt", notNullValue()).body("panel.members[1].scores", nullValue())
                .body("panel.members[1].comment", nullValue()).body("panel.means", nullValue());
        // the chair sees them before scoring
        given().auth().oauth2(reviewer(a)).when().get("/api/v1/reviews/" + c.id).then()
                .body("panel.members[1].scores.ART9_KEY_FIELDS", equalTo(6));
        score(a, c.id, sheet(6, 9)).statusCode(200);
        // two of three scored: the text still ranks the case
        given().auth().oauth2(OPERATOR).when().get("/api/v1/reviews/" + c.id).then()
                .body("priority.basis", equalTo("APPLICATION_TEXT")).body("priority.score", equalTo((float) textScore));
        score(d, c.id, sheet(7, 3)).statusCode(200).body("panel.members[1].scores.ART6_EXPERIENCE", equalTo(8));

        // means: ART6_EXPERIENCE (8 + 6 + 7) / 3; overall (3×8 + 4×6 + 3×6 + 4×9 + 3×7 + 4×3) / 21 = 135 / 21;
        // priority: ten times the Art. 9 mean (6 + 9 + 3) / 3
        given().auth().oauth2(OPERATOR).when().get("/api/v1/reviews/" + c.id).then()
                .body("panel.means.ART6_EXPERIENCE", equalTo(7.0f)).body("panel.means.ART9_RESOURCES", equalTo(6.0f))
                .body("panel.mean", equalTo(6.43f)).body("panel.awaiting", hasSize(0))
                .body("priority.basis", equalTo("PANEL_SCORES")).body("priority.score", equalTo(60.0f))
                .body("priority.parts.ART9_WORK_FOUNDATION", equalTo(15.0f))
                .body("priority.textScore", equalTo((float) textScore));
        given().auth().oauth2(OPERATOR).queryParam("applicationId", c.applicationId.toString())
                .when().get("/api/v1/reviews").then().body("items[0].priority.score", equalTo(60.0f));
        // the lead unit and other reviewers see the means, never a member's scores or comment
        for (String token : List.of(TestTokens.leadUnit(c.leadUnit), reviewer(sub("other")))) {
            given().auth().oauth2(token).when().get("/api/v1/reviews/" + c.id).then().statusCode(200)
                    .body("panel.mean", equalTo(6.43f)).body("panel.members.scores", everyItem(nullValue()))
                    .body("panel.members.comment", everyItem(nullValue()));
        }
        given().auth().oauth2(TestTokens.token("auditor")).when().get("/api/v1/reviews/" + c.id).then()
                .body("panel.members.scores", everyItem(notNullValue()));
    }

    @Test
    void aClaimIsAPanelOfOneThatDecidesWithoutScores() {
        Case c = newCase();
        String a = sub("a");
        given().auth().oauth2(reviewer(a)).when().post("/api/v1/reviews/" + c.id + "/claim").then().statusCode(200)
                .body("panel.chair", equalTo(a)).body("panel.members.reviewer", contains(a))
                .body("panel.scoringRequired", equalTo(false));
        decide(a, c.id, "approve").statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void criteriaAreTheArt6ConditionsAndTheArt9PriorityParts() {
        given().auth().oauth2(TestTokens.leadUnit(newCreditCode())).when().get("/api/v1/reviews/criteria").then()
                .statusCode(200).body("code", contains("ART6_EXPERIENCE", "ART6_DISTINCTIVE_SERVICES", "ART6_CAPACITY",
                        "ART9_WORK_FOUNDATION", "ART9_RESOURCES", "ART9_CONTINUITY", "ART9_KEY_FIELDS"))
                .body("[0].label", equalTo("在本领域具有丰富的科技服务经验")).body("[0].article", equalTo("第六条"))
                .body("priority", contains(false, false, false, true, true, true, true)).body("max", everyItem(equalTo(10)));
        given().when().get("/api/v1/reviews/criteria").then().statusCode(401);
    }

    /** A scored case whose chair's subject a spreadsheet would take for a formula. */
    private static Case scoredCase(String chair) {
        Case c = newCase();
        appoint(c.id, List.of(chair), chair).statusCode(200);
        score(chair, c.id, sheet(8, 6)).statusCode(200);
        return c;
    }

    @Test
    void theCaseListExportsAsCsvWithChineseHeadersTheScoresAndDefusedCells() {
        Case c = scoredCase("@SUM(1+1)");
        var r = given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("applicationId", c.applicationId.toString())
                .when().get("/api/v1/reviews").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment;")).extract().response();
        String csv = new String(r.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF案件编号,申请编号,团队名称,牵头单位,统一社会信用代码,单位类别,年度,状态,主审,"
                + "评审组成员,回避人员,已评分人数,评分均值,"), csv.substring(0, 60));
        List<String> lines = csv.lines().toList();
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(1).startsWith(c.id + "," + c.applicationId + ","), csv);
        // 3×8 + 4×6 over 7 scores
        assertTrue(lines.get(1).contains(",PENDING,'@SUM(1+1),'@SUM(1+1),,1,6.86,8.0,"), csv);
        given().auth().oauth2(TestTokens.token("auditor")).accept("text/csv").queryParam("status", "ANY")
                .queryParam("leadUnit", c.leadUnit).when().get("/api/v1/reviews").then().statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    void theCaseListExportsAsAWorkbookForStaffOnly() throws IOException {
        Case c = scoredCase(sub("chair"));
        byte[] file = given().auth().oauth2(OPERATOR).accept(XLSX).queryParam("applicationId", c.applicationId.toString())
                .when().get("/api/v1/reviews").then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(2, rows.size());
            assertEquals("案件编号", rows.get(0).getCellText(0));
            assertEquals("评分均值", rows.get(0).getCellText(12));
            assertEquals(c.id, rows.get(1).getCellText(0));
            assertEquals(6.86, rows.get(1).getCell(12).asNumber().doubleValue(), 0.001);
        }
        given().auth().oauth2(OPERATOR).accept("application/json, text/csv")
                .queryParam("applicationId", c.applicationId.toString()).when().get("/api/v1/reviews").then()
                .statusCode(200).contentType(startsWith("application/json"));
        for (String token : List.of(reviewer(sub("r")), TestTokens.leadUnit(c.leadUnit))) {
            given().auth().oauth2(token).accept("text/csv").when().get("/api/v1/reviews").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().accept("text/csv").when().get("/api/v1/reviews").then().statusCode(401);
        given().auth().oauth2(OPERATOR).accept("text/csv").queryParam("status", "NOPE").when().get("/api/v1/reviews")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }
}
