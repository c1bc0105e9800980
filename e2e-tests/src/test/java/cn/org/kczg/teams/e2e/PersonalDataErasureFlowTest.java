package cn.org.kczg.teams.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.TestCreditCodes;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, PIPL Art. 47 through the gateway: a volunteer takes part in an activity and is certified; an operator
 * erases them by their login; the receipt completes with the four services' answers, and then no service holds
 * their login or name — while the team's volunteer hours are what they were.
 */
class PersonalDataErasureFlowTest {
    private static final String NAME = "吴思远";
    /** Kept on purpose: the append-only audit trail (AUDIT, 5 years) and the outbox (OUTBOX, 7 days once sent). */
    private static final List<String> KEPT_TABLES = List.of("audit_entry", "outbox_event", "flyway_schema_history");
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        suite = LaunchedSuite.get();
        RestAssured.baseURI = suite.gatewayUrl;
        TeamApplicationFlowTest.start();
    }

    @Test
    void anErasedVolunteerIsGoneFromEveryServiceAndTheirHoursStay() throws Exception {
        String operator = suite.token("operator");
        String auditor = suite.token("auditor");
        String code = TestCreditCodes.fresh("5110");
        String leadUnit = suite.token("lead-unit", "--org", code);
        TeamApplicationFlowTest.register(leadUnit, code, "中国隐私保护测试学会", "NATIONAL_SOCIETY");
        String application = TeamApplicationFlowTest.draftAndSubmit(leadUnit,
                "“科创中国”个人信息" + code.substring(12, 17) + "号科技服务团");
        TeamApplicationFlowTest.approveAndAwaitTeam(leadUnit, application);
        String teamId = given().auth().oauth2(leadUnit).when().get("/api/v1/applications/" + application)
                .then().extract().path("teamId");
        Map<String, Object> report = Map.of("teamId", teamId, "category", "TECH_DISSEMINATION", "form", "TRAINING",
                "title", "数据合规培训", "startDate", "2026-11-10", "endDate", "2026-11-10",
                "place", Map.of("city", "南京市"), "participants", 40, "enterprisesServed", 8,
                "feesCharged", Map.of("amount", 0));
        String activity = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(leadUnit)
                .contentType(ContentType.JSON).body(report).when().post("/api/v1/activities")
                .then().extract().<String>path("id"), id -> id != null);

        String sub = "vol-erase-" + UUID.randomUUID();
        String volunteer = suite.token("volunteer", "--sub", sub);
        String participation = participate(volunteer, leadUnit, activity, NAME, 5);
        participate(suite.token("volunteer", "--sub", "vol-stays-" + UUID.randomUUID()), leadUnit, activity, "郑可", 3);
        given().auth().oauth2(volunteer).contentType(ContentType.JSON).body(Map.of("participationId", participation))
                .when().post("/api/v1/certificates/participation").then().statusCode(200);
        String metrics = "/api/v1/teams/" + teamId + "/metrics/2026";
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0,
                new BigDecimal("8").compareTo(volunteerHours(auditor, metrics))));

        String erasure = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("subject", sub, "reason", "志愿者本人依《个人信息保护法》第四十七条申请删除，已核实身份"))
                .when().post("/api/v1/personal-data/erasures").then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(auditor)
                .when().get("/api/v1/personal-data/erasures/" + erasure).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("services.service", containsInAnyOrder("registration-service", "review-service",
                        "activity-service", "evaluation-service"))
                .body("services.find { it.service == 'activity-service' }.items.entity", hasItem("Participation"))
                .body("services.find { it.service == 'activity-service' }.items.entity", hasItem("Certificate")));

        // through the API: the records stay, the person does not
        var participations = given().auth().oauth2(operator).queryParam("teamId", teamId).queryParam("size", 100)
                .when().get("/api/v1/participations").then().statusCode(200)
                .body("items.volunteer", not(hasItem(sub))).body("items.volunteerName", not(hasItem(NAME)))
                .body("items.volunteerName", hasItem("已删除")).extract().jsonPath();
        assertEquals(0, new BigDecimal("8").compareTo(participations.getList("items.hours", Float.class).stream()
                .map(h -> new BigDecimal(h.toString())).reduce(BigDecimal.ZERO, BigDecimal::add)));
        given().auth().oauth2(auditor).queryParam("teamId", teamId).when().get("/api/v1/certificates").then()
                .statusCode(200).body("items.holder", not(hasItem(sub))).body("items.holderName", not(hasItem(NAME)));
        given().auth().oauth2(volunteer).when().get("/api/v1/participations").then().statusCode(200)
                .body("total", equalTo(0));
        assertEquals(0, new BigDecimal("8").compareTo(volunteerHours(auditor, metrics)), "the team's hours stay");

        // and in the database, every service's schema
        assertEquals(List.of(), holding(sub));
        assertEquals(List.of(), holding(NAME));
    }

    private static BigDecimal volunteerHours(String token, String metrics) {
        String value = given().auth().oauth2(token).when().get(metrics).then().statusCode(200).extract().jsonPath()
                .getString("metrics.find { it.metric == 'volunteer.hours' }.value");
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }

    private static String participate(String volunteer, String leadUnit, String activity, String name, int hours) {
        String id = given().auth().oauth2(volunteer).contentType(ContentType.JSON)
                .body(Map.of("activityId", activity, "name", name, "role", "培训讲师", "hours", hours))
                .when().post("/api/v1/participations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(leadUnit).when().post("/api/v1/participations/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    /** schema.table.column of every text or JSON value (outside {@link #KEPT_TABLES}) that contains {@code value}. */
    private static List<String> holding(String value) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(suite.postgresUrl()); Statement sql = db.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("""
                    select table_schema, table_name, column_name from information_schema.columns
                     where table_schema in ('registration', 'review', 'activity', 'evaluation')
                       and data_type in ('text', 'character varying', 'jsonb', 'json')""")) {
                while (rs.next()) {
                    if (!KEPT_TABLES.contains(rs.getString(2))) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            for (String[] c : columns) {
                String query = "select count(*) from " + c[0] + "." + c[1] + " where strpos(cast(\"" + c[2]
                        + "\" as text), ?) > 0";
                try (var statement = db.prepareStatement(query)) {
                    statement.setString(1, value);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(String.join(".", c));
                        }
                    }
                }
            }
        }
        return found;
    }
}
