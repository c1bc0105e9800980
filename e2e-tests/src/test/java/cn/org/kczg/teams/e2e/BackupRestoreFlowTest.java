package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kczg backup} and {@code ./kczg restore} on a suite of its own: data through every service, a backup
 * while the suite runs (the database only, with a warning) and one with the suite down (database and broker),
 * the database destroyed, the backup restored, the suite up again — the same counts, the same inboxes, and a new
 * application flows to exactly one review case (consumers resume where the backup left them: no gap, nothing
 * applied twice).
 */
@Order(3) // its own suite, before the shared one starts
class BackupRestoreFlowTest {
    private static final List<String> SCHEMAS = List.of("registration", "review", "activity", "evaluation");
    private static final String LEAD_UNIT = TestCreditCodes.fresh("5110");

    private static LaunchedSuite suite;

    @BeforeAll
    static void startASuiteToRestore() {
        suite = LaunchedSuite.start(Map.of("KCZG_GATEWAY_RATE_LIMITS_ENABLED", "false"));
        RestAssured.baseURI = suite.gatewayUrl;
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aBackupTakenWithTheSuiteDownRestoresTheDatabaseAndTheBrokerConsistently() throws Exception {
        String operator = suite.token("operator");
        String reviewer = suite.token("reviewer", "--sub", "reviewer-backup");
        String leadUnit = suite.token("lead-unit", "--org", LEAD_UNIT);
        TeamApplicationFlowTest.openWindow(operator);
        TeamApplicationFlowTest.register(leadUnit, LEAD_UNIT, "中国备份学会", "NATIONAL_SOCIETY");
        String approved = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”数据备份科技服务团");
        TeamApplicationFlowTest.approveAndAwaitTeam(reviewer, leadUnit, approved);
        String pending = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”数据恢复科技服务团");
        awaitReviewCase(reviewer, pending);
        given().auth().oauth2(suite.token("partner", "--partner", "backup-feeder")).contentType(ContentType.JSON)
                .body(Map.of("projectName", "灾备演练合作", "industryField", "信息技术", "technicalProblems", "数据库异地备份",
                        "region", "北京市", "demandSide", Map.of("name", "北京某信息技术有限公司"), "externalId", "BK-E2E-1",
                        "categories", List.of("RD_SUPPORT"), "keywords", List.of("备份")))
                .when().post("/api/v1/tickets").then().statusCode(201);
        awaitQuiet();
        Map<String, Long> counts = counts(operator);
        Map<String, Long> inboxes = rows("processed_event");
        Map<String, Long> outboxes = rows("outbox_event");
        assertTrue(counts.values().stream().allMatch(n -> n > 0) && inboxes.get("review") > 0, counts + " " + inboxes);

        // while the suite runs: the database only, said so; and no restore under a running suite
        LaunchedSuite.Outcome online = suite.launcher("backup");
        assertEquals(0, online.status(), online.err());
        assertTrue(Files.isRegularFile(Path.of(online.out())), online.out());
        assertFalse(Files.exists(Path.of(online.out() + ".kafka.tar.gz")), "a broker archive taken from a running broker");
        assertTrue(online.err().contains("the database only"), online.err());
        LaunchedSuite.Outcome refused = suite.launcher("restore", online.out());
        assertEquals(1, refused.status(), "restore under a running suite: " + refused.err());
        assertTrue(refused.err().contains("./kczg down first"), refused.err());

        suite.down();
        LaunchedSuite.Outcome offline = suite.launcher("backup");
        assertEquals(0, offline.status(), offline.err());
        Path backup = Path.of(offline.out());
        assertTrue(Files.size(backup) > 0 && Files.size(Path.of(backup + ".kafka.tar.gz")) > 0, offline.err());

        deleteTree(suite.home().resolve("pg").resolve("data")); // the database is lost
        LaunchedSuite.Outcome dbOnly = suite.launcher("restore", online.out());
        assertEquals(1, dbOnly.status(), "a database-only backup restored without --db-only: " + dbOnly.err());
        assertTrue(dbOnly.err().contains("--db-only"), dbOnly.err());
        LaunchedSuite.Outcome restored = suite.launcher("restore", backup.toString());
        assertEquals(0, restored.status(), restored.err());
        assertTrue(restored.err().contains("./kczg up"), restored.err());

        suite.restart();
        awaitQuiet();
        assertEquals(counts, counts(operator), "lead units, applications, review cases, tickets after the restore");
        assertEquals(inboxes, rows("processed_event"), "events applied per service after the restore");
        assertEquals(outboxes, rows("outbox_event"), "events published per service after the restore");

        // the consumers resume at the backup's offsets: a new application reaches review once, nothing old again
        String after = TeamApplicationFlowTest.draftAndSubmit(leadUnit, "“科创中国”灾备恢复科技服务团");
        awaitReviewCase(reviewer, after);
        awaitQuiet();
        assertEquals(1, total(operator, "/api/v1/reviews", Map.of("applicationId", after)), "review cases of " + after);
        Map<String, Long> expected = new LinkedHashMap<>(counts);
        expected.merge("applications", 1L, Long::sum);
        expected.merge("reviews", 1L, Long::sum);
        assertEquals(expected, counts(operator), "one more application, one more review case");
        assertTrue(rows("processed_event").get("review") > inboxes.get("review"), "review applied the new events");
    }

    private static void awaitReviewCase(String reviewer, String application) {
        Awaitility.await("review case of " + application).atMost(Duration.ofSeconds(60)).until(() -> total(reviewer,
                "/api/v1/reviews", Map.of("applicationId", application)) > 0);
    }

    /** Nothing in flight: every outbox row sent, every consumer group of the services at the end of its topics. */
    private static void awaitQuiet() {
        Awaitility.await("outboxes sent and consumers caught up").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> rows("outbox_event where sent_at is null").values().stream().allMatch(n -> n == 0)
                        && suite.kafka().servicesCaughtUp());
    }

    private static Map<String, Long> counts(String operator) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("leadUnits", total(operator, "/api/v1/lead-units", Map.of()));
        counts.put("applications", total(operator, "/api/v1/applications", Map.of()));
        counts.put("reviews", total(operator, "/api/v1/reviews", Map.of()));
        counts.put("tickets", total(operator, "/api/v1/tickets", Map.of()));
        return counts;
    }

    private static long total(String token, String path, Map<String, String> query) {
        Number total = given().auth().oauth2(token).queryParams(query).queryParam("size", 1).when().get(path)
                .then().statusCode(200).extract().path("total");
        return total.longValue();
    }

    /** Rows of {@code from} (a table of the kit, e.g. {@code processed_event}, and a condition) in each service's schema. */
    private static Map<String, Long> rows(String from) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(suite.postgresUrl()); Statement sql = db.createStatement()) {
            for (String schema : SCHEMAS) {
                try (ResultSet r = sql.executeQuery("select count(*) from " + schema + "." + from)) {
                    r.next();
                    rows.put(schema, r.getLong(1));
                }
            }
        }
        return rows;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(Files.exists(dir));
    }
}
