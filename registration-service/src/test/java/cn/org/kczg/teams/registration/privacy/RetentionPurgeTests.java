package cn.org.kczg.teams.registration.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.registration.Fixtures;
import cn.org.kczg.teams.testkit.TestClock;
import cn.org.kczg.teams.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TEAM, APPLICATION, a lead unit's contact person and RECORD of docs/personal-data.md, enforced: after the end, and
 * not a day before.
 */
@QuarkusTest
class RetentionPurgeTests {
    private static final String OPERATOR = TestTokens.token("operator");

    @Inject
    RetentionPurge purge;
    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void anEndedTeamsPeopleGoThreeYearsAfterItEndedTheTeamStays() {
        String unit = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        String team = Fixtures.activeTeam(unit, Fixtures.uniqueName("保留期限"));
        Instant revoked = Instant.parse("2027-03-01T00:00:00Z");
        TestClock.set(revoked);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(Map.of("reason", "连续两年未开展活动"))
                .when().post("/api/v1/teams/" + team + "/revoke").then().statusCode(200);

        TestClock.set(revoked.plus(Duration.ofDays(3 * 365)));
        purge.purge();
        given().auth().oauth2(OPERATOR).when().get("/api/v1/teams/" + team).then().statusCode(200)
                .body("handler.name", equalTo("赵强")).body("members.name", hasItem("张伟"));
        assertEquals(List.of("王敏", "true", "true", "test-operator"), leadUnitRow(unit));

        TestClock.set(revoked.plus(Duration.ofDays(3 * 365 + 2)));
        purge.purge();
        given().auth().oauth2(OPERATOR).when().get("/api/v1/teams/" + team).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("handler.name", equalTo("已删除"))
                .body("handler.phone", nullValue()).body("handler.userId", equalTo("erased"))
                .body("members.name", everyItem(equalTo("已删除"))).body("members.field", hasItem("机械工程"));
        // its lead unit's contact person goes with its last team; the unit stays
        assertEquals(List.of("已删除", "false", "false", "erased"), leadUnitRow(unit));
        given().auth().oauth2(OPERATOR).when().get("/api/v1/lead-units/" + unit).then().statusCode(200)
                .body("creditCode", equalTo(unit));
    }

    @Test
    void aLeadUnitThatNeverAppliedLosesItsContactThreeYearsAfterRegistration() {
        Instant registered = Fixtures.newEra();
        TestClock.set(registered);
        String unit = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");

        TestClock.set(registered.plus(Duration.ofDays(3 * 365 - 2)));
        purge.purge();
        assertEquals(List.of("王敏", "true", "true", "test-operator"), leadUnitRow(unit));

        TestClock.set(registered.plus(Duration.ofDays(3 * 365 + 2)));
        purge.purge();
        assertEquals(List.of("已删除", "false", "false", "erased"), leadUnitRow(unit));
    }

    @Test
    void aLeadUnitWithALiveTeamOrAnOpenApplicationKeepsItsContact() {
        String withTeam = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        Fixtures.activeTeam(withTeam, Fixtures.uniqueName("在役团队"));
        String withDraft = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        Fixtures.createDraft(withDraft, Fixtures.completeApplication(Fixtures.uniqueName("草稿保留")));

        TestClock.set(Instant.now().plus(Duration.ofDays(6 * 365)));
        purge.purge();

        assertEquals(List.of("王敏", "true", "true", "test-operator"), leadUnitRow(withTeam));
        assertEquals(List.of("王敏", "true", "true", "test-operator"), leadUnitRow(withDraft));
    }

    @Test
    void aRecordsLoginIdsGoTenYearsAfterTheEndOfItsYearTheRecordStays() {
        UUID expired = dataImport(Instant.parse("2015-12-31T15:59:00Z")); // 2015-12-31 23:59 in Beijing
        UUID kept = dataImport(Instant.parse("2015-12-31T16:01:00Z")); // already 2016 in Beijing

        TestClock.set(Instant.parse("2025-12-31T15:59:00Z"));
        purge.purge();
        assertEquals(List.of("operator-record", "12"), importRow(expired));

        TestClock.set(Instant.parse("2025-12-31T16:01:00Z")); // 2026 in Beijing: the year 2015 is ten years past
        var purged = purge.purge();
        assertEquals(List.of("erased", "12"), importRow(expired));
        assertEquals(List.of("operator-record", "12"), importRow(kept));
        assertEquals(true, purged.get("RECORD DataImport") >= 1);
    }

    private List<String> leadUnitRow(String creditCode) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select contact_name, cast(contact_phone is not null as text), cast(contact_email is not null as text),
                       registered_by
                  from lead_unit where credit_code = :code""").setParameter("code", creditCode).getSingleResult();
        return List.of(String.valueOf(row[0]), String.valueOf(row[1]), String.valueOf(row[2]), String.valueOf(row[3]));
    }

    private UUID dataImport(Instant createdAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into data_import (id, dry_run, status, file_name, file_format, file_sha256, rows, valid,
                                         problems, created_by, created_at)
                values (:id, false, 'DONE', 'units.csv', 'CSV', :sha, 12, 12, 0, 'operator-record', :at)""")
                .setParameter("id", id).setParameter("sha", "0".repeat(64))
                .setParameter("at", createdAt.atOffset(ZoneOffset.UTC)).executeUpdate());
        return id;
    }

    private List<String> importRow(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select created_by, cast(rows as text) from data_import "
                + "where id = :id").setParameter("id", id).getSingleResult();
        return List.of(String.valueOf(row[0]), String.valueOf(row[1]));
    }

    @Test
    void aRejectedApplicationsPeopleGoThreeYearsAfterTheDecision() {
        String unit = Fixtures.registerLeadUnit("NATIONAL_SOCIETY");
        String application = Fixtures.createDraft(unit, Fixtures.completeApplication(Fixtures.uniqueName("驳回保留")));
        Fixtures.submitInOwnWindow(unit, application);
        Fixtures.decide(application, unit, ReviewDecided.Decision.REJECTED, "不符合条件");
        Fixtures.awaitStatus(unit, application, "REJECTED");
        String decidedAt = given().auth().oauth2(OPERATOR).when().get("/api/v1/applications/" + application).then()
                .extract().path("decidedAt");
        Instant decided = Instant.parse(decidedAt);

        TestClock.set(decided.plus(Duration.ofDays(3 * 365 - 2)));
        purge.purge();
        given().auth().oauth2(OPERATOR).when().get("/api/v1/applications/" + application).then()
                .body("handler.name", equalTo("赵强"));

        TestClock.set(decided.plus(Duration.ofDays(3 * 365 + 2)));
        purge.purge();
        given().auth().oauth2(OPERATOR).when().get("/api/v1/applications/" + application).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("handler.name", equalTo("已删除"))
                .body("handler.email", nullValue()).body("members.name", everyItem(equalTo("已删除")));
    }
}
