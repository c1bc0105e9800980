package cn.org.kczg.teams.evaluation.assessment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.evaluation.Events;
import cn.org.kczg.teams.evaluation.indicator.IndicatorSystem;
import cn.org.kczg.teams.kit.db.TransactionLocks;
import cn.org.kczg.teams.testkit.PrometheusText;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A year's assessment run as {@code /q/metrics} shows it: teams to score, teams scored, running or not. */
@QuarkusTest
class AssessmentRunMetricsTests {
    private static final int YEAR = 2040;
    private static final String OPERATOR = TestTokens.token("operator");

    @Inject
    AssessmentRunner runner;
    @Inject
    TransactionLocks locks;
    @Inject
    AssessmentScoring scoring;
    @Inject
    EntityManager em;

    private static double gauge(String name) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.value(metrics, name, "year", String.valueOf(YEAR));
    }

    private static List<Double> progress() {
        return List.of(gauge("kczg_assessment_run_teams"), gauge("kczg_assessment_run_teams_scored"),
                gauge("kczg_assessment_run_running"));
    }

    @Test
    void aRunsProgressIsGaugedByYearWhileItRunsAndAfterItIsDone() throws Exception {
        Events.team(Events.unique("LU-M"), "“科创中国”进度测试科技服务团", Instant.parse("2026-03-01T00:00:00Z"));
        String systemId = publishedSystem();

        // an ordinary run: once done, every team it scored shows, and it no longer runs
        String location = given().auth().oauth2(OPERATOR).when().post("/api/v1/assessments/" + YEAR + "/runs").then()
                .statusCode(202).extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(given().auth().oauth2(OPERATOR)
                .when().get(location).then().extract().path("state")));
        int total = given().auth().oauth2(OPERATOR).when().get(location).then().extract().path("total");
        assertTrue(total >= 1, "the run scored the team");
        assertEquals(List.of((double) total, (double) total, 0.0), progress());

        // the next run, held first before its slices (their table locked), then before it finishes (the year locked)
        UUID runId = runningRun(UUID.fromString(systemId));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Held slices = hold(threads, () -> em.createNativeQuery("lock table indicator_score in exclusive mode")
                    .executeUpdate());
            Held finish = hold(threads, () -> locks.lock(AssessmentService.yearLock(YEAR)));
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> runner.run(runId), threads);

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gauge("kczg_assessment_run_running") == 1.0);
            int teams = QuarkusTransaction.requiringNew().call(() -> AssessmentRun.<AssessmentRun>findById(runId).total);
            assertTrue(teams >= 1);
            assertEquals(List.of((double) teams, 0.0, 1.0), progress(), "started, nothing scored yet");

            slices.release();
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> gauge("kczg_assessment_run_teams_scored") == teams);
            assertEquals(List.of((double) teams, (double) teams, 1.0), progress(), "all scored, still running");
            assertEquals(AssessmentRun.State.RUNNING, state(runId));

            finish.release();
            run.get(30, TimeUnit.SECONDS);
            assertEquals(AssessmentRun.State.DONE, state(runId));
            assertEquals(List.of((double) teams, (double) teams, 0.0), progress(), "done");
        } finally {
            threads.shutdownNow();
        }
    }

    /** A transaction that took a lock and keeps it until released. */
    private record Held(CountDownLatch gate, CompletableFuture<Void> done) {
        void release() throws Exception {
            gate.countDown();
            done.get(30, TimeUnit.SECONDS);
        }
    }

    private static Held hold(ExecutorService threads, Runnable lock) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            lock.run();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        assertTrue(locked.await(30, TimeUnit.SECONDS), "the lock was taken");
        return new Held(release, done);
    }

    private static AssessmentRun.State state(UUID runId) {
        return QuarkusTransaction.requiringNew().call(() -> AssessmentRun.<AssessmentRun>findById(runId).state);
    }

    /** A run as {@link AssessmentService#start} leaves it: RUNNING, with the system's indicators kept for it. */
    private UUID runningRun(UUID systemId) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            AssessmentRun run = new AssessmentRun();
            run.id = id;
            run.year = YEAR;
            run.systemId = systemId;
            run.state = AssessmentRun.State.RUNNING;
            run.startedAt = Instant.now();
            run.heartbeatAt = run.startedAt;
            run.persistAndFlush();
            scoring.snapshot(id, IndicatorSystem.findById(systemId));
        });
        return id;
    }

    private static String publishedSystem() {
        Map<String, Object> system = Map.of("year", YEAR, "name", YEAR + "年度指标体系", "indicators", List.of(
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
