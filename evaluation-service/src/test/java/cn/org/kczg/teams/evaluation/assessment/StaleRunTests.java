package cn.org.kczg.teams.evaluation.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A run whose service instance went away must not block its year; a live one must; a failed one is fenced. */
@QuarkusTest
class StaleRunTests {
    private static final int YEAR = 2037;
    private static final String OPERATOR = TestTokens.token("operator");

    @Inject
    AssessmentRunner runner;

    private static UUID runningRun(UUID systemId, Instant heartbeat) {
        return runningRun(systemId, heartbeat, YEAR);
    }

    private static UUID runningRun(UUID systemId, Instant heartbeat, int year) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            AssessmentRun run = new AssessmentRun();
            run.id = id;
            run.year = year;
            run.systemId = systemId;
            run.state = AssessmentRun.State.RUNNING;
            run.startedAt = heartbeat;
            run.heartbeatAt = heartbeat;
            run.persist();
        });
        return id;
    }

    @Test
    void aRunWithoutProgressIsMarkedFailedByTheNextStartAndALiveOneBlocksIt() {
        String systemId = publishedSystem(YEAR);

        UUID stale = runningRun(UUID.fromString(systemId), Instant.now().minus(Duration.ofHours(1)));
        String location = given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + YEAR + "/runs").then()
                .statusCode(202).extract().header("Location");
        given().auth().oauth2(OPERATOR).when().get("/api/v1/assessments/" + YEAR + "/runs/" + stale).then()
                .body("state", equalTo("FAILED"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(given().auth().oauth2(OPERATOR)
                .when().get(location).then().extract().path("state")));

        runningRun(UUID.fromString(systemId), Instant.now());
        given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + YEAR + "/runs").then().statusCode(409)
                .body("code", equalTo("run-in-progress"));
        given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + YEAR + "/publish").then().statusCode(409)
                .body("code", equalTo("run-in-progress"));
    }

    @Test
    void aRunFailedByANewerOneCannotWriteResultsOrBecomeCurrent() {
        int year = 2038;
        String systemId = publishedSystem(year);
        UUID stale = runningRun(UUID.fromString(systemId), Instant.now().minus(Duration.ofHours(1)), year);
        String location = given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + year + "/runs").then()
                .statusCode(202).extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(given().auth().oauth2(OPERATOR)
                .when().get(location).then().extract().path("state")));
        UUID current = QuarkusTransaction.requiringNew().call(() -> Assessment.<Assessment>findById(year).currentRunId);

        // the stale run's instance comes back and carries on where it stopped
        runner.run(stale);

        QuarkusTransaction.requiringNew().run(() -> {
            AssessmentRun run = AssessmentRun.findById(stale);
            assertEquals(AssessmentRun.State.FAILED, run.state, "a fenced run stays FAILED");
            assertEquals(current, Assessment.<Assessment>findById(year).currentRunId, "and never becomes current");
            assertEquals(0L, TeamResult.count("runId", stale), "and wrote no results");
        });
    }

    @Test
    void aRunStillRunningWhenItsYearIsPublishedCannotReplaceThePublishedResults() {
        int year = 2039;
        String systemId = publishedSystem(year);
        String location = given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + year + "/runs").then()
                .statusCode(202).extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(given().auth().oauth2(OPERATOR)
                .when().get(location).then().extract().path("state")));
        UUID late = runningRun(UUID.fromString(systemId), Instant.now().minus(Duration.ofHours(1)), year);
        given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + year + "/publish").then().statusCode(200);
        UUID published = QuarkusTransaction.requiringNew().call(() -> Assessment.<Assessment>findById(year).currentRunId);

        runner.run(late);

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(AssessmentRun.State.FAILED, AssessmentRun.<AssessmentRun>findById(late).state);
            Assessment assessment = Assessment.findById(year);
            assertEquals(Assessment.Status.PUBLISHED, assessment.status);
            assertEquals(published, assessment.currentRunId);
        });
    }

    private static String publishedSystem(int year) {
        Map<String, Object> system = Map.of("year", year, "name", year + "年度指标体系", "indicators", List.of(
                Map.of("dimension", "ORGANISATION", "code", "O1", "name", "材料按时上传率", "metric", "uploads.on-time-rate",
                        "weight", 30, "scoring", "LINEAR", "target", 100),
                Map.of("dimension", "CONTENT", "code", "C1", "name", "服务活动场次", "metric", "activities",
                        "weight", 40, "scoring", "LINEAR", "target", 10),
                Map.of("dimension", "EFFECT", "code", "E1", "name", "服务企业数", "metric", "enterprises-served",
                        "weight", 30, "scoring", "LINEAR", "target", 100)));
        String systemId = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(system)
                .when().post("/api/v1/indicator-systems").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OPERATOR).when().post("/api/v1/indicator-systems/" + systemId + "/publish").then()
                .statusCode(200);
        return systemId;
    }
}
