package cn.org.kczg.teams.evaluation.recognition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.evaluation.Events;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Art. 19: outstanding lead units marked for incentives. The published assessment is written straight into the
 * tables (a run is AssessmentTests' business): a published year, its current run's team results, a sanction.
 */
@QuarkusTest
class IncentiveTests {
    private static final String OPERATOR = TestTokens.token("operator");
    private static final String AUDITOR = TestTokens.token("auditor");

    @Inject
    EntityManager em;

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    private void assessment(int year, String status, UUID run) {
        sql("insert into assessment (year, status, current_run_id) values (?1, ?2, ?3)", year, status, run);
    }

    private void result(UUID run, String unit, String grade) {
        sql("""
                insert into team_result (run_id, team_id, team_name, lead_unit_credit_code, lead_unit_name, base_score,
                    penalty, total, fee_violations, vetoed, computed_grade, grade)
                values (?1, ?2, '测试服务团', ?3, '测试学会', 90, 0, 90, 0, false, ?4, ?4)""",
                run, UUID.randomUUID(), unit, grade);
    }

    private static String path(int year, String unit) {
        return "/api/v1/incentives/" + year + "/lead-units/" + unit;
    }

    private static Map<String, Object> mark(String reason) {
        return Map.of("reason", reason, "kind", "PRIORITY");
    }

    @Test
    void onlyALeadUnitWithAnExcellentTeamAndNoPoorOneInAPublishedYearIsMarkedListedAndExported() {
        int year = 2160 + (int) (System.nanoTime() % 39); // AppealTests publishes 2151–2153 and 2199
        UUID run = UUID.randomUUID();
        String outstanding = Events.unique("LU-I");
        String good = Events.unique("LU-I");
        String mixed = Events.unique("LU-I");
        String banned = Events.unique("LU-I");
        sql("insert into lead_unit (credit_code, name, category) values (?1, '中国机械工程学会（激励测试）', 'NATIONAL_SOCIETY')",
                outstanding);
        result(run, outstanding, "EXCELLENT");
        result(run, outstanding, "GOOD");
        result(run, good, "GOOD");
        result(run, mixed, "EXCELLENT");
        result(run, mixed, "POOR");
        result(run, banned, "EXCELLENT");
        sql("""
                insert into sanction (id, team_id, lead_unit_credit_code, reason_class, note, since, until, decided_by,
                    decided_at) values (?1, ?2, ?3, 'SCIENTIFIC', '学术不端', ?4, ?5, 'operator', ?6)""",
                UUID.randomUUID(), UUID.randomUUID(), banned, LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(3), Instant.now());

        // the draft year: not yet
        assessment(year, "DRAFT", run);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(mark("年度考核优秀"))
                .when().put(path(year, outstanding)).then().statusCode(409)
                .body("code", equalTo("assessment-not-published"));
        sql("update assessment set status = 'PUBLISHED', published_at = now() where year = ?1", year);

        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body(mark("年度考核优秀"))
                .when().put(path(year, outstanding)).then().statusCode(403);
        given().auth().oauth2(TestTokens.leadUnit(outstanding)).contentType(ContentType.JSON).body(mark("自荐"))
                .when().put(path(year, outstanding)).then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().put(path(year, outstanding)).then().statusCode(400)
                .body("errors[0].field", containsString("reason"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "优秀", "kind", "MEDAL"))
                .when().put(path(year, outstanding)).then().statusCode(400);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(mark("优秀"))
                .when().put(path(year, "no'code")).then().statusCode(400).body("errors[0].field", equalTo("creditCode"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(mark("优秀"))
                .when().put(path(year, Events.unique("LU-NONE"))).then().statusCode(404);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(mark("优秀"))
                .when().put(path(1800, outstanding)).then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(mark("良好"))
                .when().put(path(year, good)).then().statusCode(409).body("code", equalTo("not-outstanding"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(mark("有优秀也有较差"))
                .when().put(path(year, mixed)).then().statusCode(409).body("code", equalTo("not-outstanding"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(mark("处分期内"))
                .when().put(path(year, banned)).then().statusCode(409).body("code", equalTo("lead-unit-sanctioned"));

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body(mark("所牵头服务团年度考核优秀，示范带动作用突出"))
                .when().put(path(year, outstanding)).then().statusCode(200)
                .body("status", equalTo("MARKED")).body("kind", equalTo("PRIORITY"))
                .body("name", equalTo("中国机械工程学会（激励测试）"))
                .body("excellentTeams", equalTo(1)).body("assessedTeams", equalTo(2));
        // marking again replaces kind and reason; still one mark
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "经研究给予通报表扬"))
                .when().put(path(year, outstanding)).then().statusCode(200).body("kind", equalTo("COMMENDATION"));
        given().auth().oauth2(AUDITOR).queryParam("year", year).when().get("/api/v1/incentives").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].creditCode", equalTo(outstanding))
                .body("items[0].reason", equalTo("经研究给予通报表扬"));
        given().auth().oauth2(TestTokens.leadUnit(outstanding)).when().get("/api/v1/incentives").then().statusCode(403);

        String csv = new String(given().auth().oauth2(AUDITOR).accept("text/csv").queryParam("year", year)
                .when().get("/api/v1/incentives").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).contains("牵头单位统一社会信用代码"), lines.get(0));
        assertTrue(lines.size() == 2 && lines.get(1).contains(outstanding) && lines.get(1).contains("经研究给予通报表扬"),
                csv);
        given().auth().oauth2(AUDITOR).accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("year", year).when().get("/api/v1/incentives").then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats"));

        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "经复核撤销"))
                .when().delete(path(year, outstanding)).then().statusCode(200).body("status", equalTo("UNMARKED"));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "再撤"))
                .when().delete(path(year, outstanding)).then().statusCode(404);
        given().auth().oauth2(AUDITOR).queryParam("year", year).when().get("/api/v1/incentives").then()
                .statusCode(200).body("items.creditCode", not(hasItem(outstanding)));
        given().auth().oauth2(AUDITOR).queryParam("year", year).queryParam("status", "UNMARKED")
                .when().get("/api/v1/incentives").then().statusCode(200)
                .body("items[0].unmarkReason", equalTo("经复核撤销"));
        given().auth().oauth2(AUDITOR).when().get(path(year, outstanding) + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("incentive.marked", "incentive.marked", "incentive.unmarked")));
    }
}
