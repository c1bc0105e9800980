package cn.org.kczg.teams.activity.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.activity.volunteer.VolunteerTests;
import cn.org.kczg.teams.testkit.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retention classes of docs/personal-data.md, enforced: a row past its class is anonymised, one before is not. */
@QuarkusTest
class RetentionPurgeTests {
    private static final Instant NOW = Instant.parse("2032-06-01T00:00:00Z");

    @Inject
    RetentionPurge purge;
    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aComplaintsContactGoesTwoYearsAfterItsOutcomeAndNotBefore() {
        UUID expired = complaint("UPHELD", NOW.minus(Duration.ofDays(740)), "13900000001");
        UUID kept = complaint("DISMISSED", NOW.minus(Duration.ofDays(700)), "13900000002");
        UUID open = complaint("RECEIVED", null, "13900000003");
        TestClock.set(NOW);

        purge.purge();

        assertEquals(List.of("null", "erased", "erased", "Zhe tousu"), complaintRow(expired));
        assertEquals(List.of("13900000002", "operator-1", "erased", "Zhe tousu"), complaintRow(kept));
        assertEquals("13900000003", complaintRow(open).get(0));
    }

    @Test
    void aComplainantsAddressHashLastsOnlyTheRateLimitsWindow() {
        UUID old = complaint("RECEIVED", null, null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update complaint set filed_at = :at where id = :id").setParameter("id", old)
                .setParameter("at", NOW.minus(Duration.ofMinutes(11))).executeUpdate());
        UUID recent = complaint("RECEIVED", null, null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update complaint set filed_at = :at where id = :id").setParameter("id", recent)
                .setParameter("at", NOW.minus(Duration.ofMinutes(9))).executeUpdate());
        TestClock.set(NOW);

        purge.purge();

        assertEquals("erased", clientHash(old));
        assertEquals("hash-" + recent, clientHash(recent));
    }

    @Test
    void aVolunteersNameAndLoginGoFiveYearsAfterTheYearOfTheActivityHoursStay() {
        String unit = "LU-RET" + System.nanoTime() % 1_000_000;
        String[] team = VolunteerTests.teamWithActivity(unit);
        String sub = "vol-ret-" + UUID.randomUUID();
        UUID old = UUID.fromString(VolunteerTests.log(sub, team[1], "4"));
        UUID recent = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into participation (id, team_id, lead_unit_credit_code, activity_id, year, volunteer,
                                           volunteer_name, role, hours, status, logged_at,
                                           activity_category, activity_city)
                select :id, team_id, lead_unit_credit_code, activity_id, 2027, volunteer, volunteer_name, role, hours,
                       status, logged_at,
                       activity_category, activity_city from participation where id = :old""").setParameter("id", recent)
                .setParameter("old", old).executeUpdate());
        // the activity is of 2026: kept until the end of 2031
        TestClock.set(Instant.parse("2031-12-31T12:00:00Z"));
        purge.purge();
        assertEquals(List.of(sub, "李晓明", "4.0"), participationRow(old));

        TestClock.set(NOW);
        purge.purge();

        assertEquals(List.of("erased", "已删除", "4.0"), participationRow(old));
        assertEquals(List.of(sub, "李晓明", "4.0"), participationRow(recent));
        // the volunteer no longer finds the expired record under their login
        io.restassured.RestAssured.given().auth().oauth2(VolunteerTests.volunteer(sub))
                .when().get("/api/v1/participations").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(old.toString())));
    }

    @Test
    void aReportsLoginIdsGoTenYearsAfterItsYearTheReportStays() {
        UUID expired = activityReport(2015);
        UUID kept = activityReport(2016);
        UUID webhookOf2015 = webhook(Instant.parse("2015-12-31T15:59:00Z")); // 23:59 in Beijing
        UUID webhookOf2016 = webhook(Instant.parse("2015-12-31T16:01:00Z")); // already 2016 in Beijing

        TestClock.set(Instant.parse("2025-12-31T15:59:00Z"));
        purge.purge();
        assertEquals(List.of("lead-ret", "withdrawer-ret", "36"), reportRow(expired));

        TestClock.set(Instant.parse("2025-12-31T16:01:00Z")); // 2026 in Beijing: the year 2015 is ten years past
        purge.purge();

        assertEquals(List.of("erased", "erased", "36"), reportRow(expired));
        assertEquals(List.of("lead-ret", "withdrawer-ret", "36"), reportRow(kept));
        assertEquals("erased", webhookCreator(webhookOf2015));
        assertEquals("operator-ret", webhookCreator(webhookOf2016));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from activity_report where id in (:ids)")
                    .setParameter("ids", List.of(expired, kept)).executeUpdate();
            em.createNativeQuery("delete from webhook where id in (:ids)")
                    .setParameter("ids", List.of(webhookOf2015, webhookOf2016)).executeUpdate();
        });
    }

    private UUID activityReport(int year) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into activity_report (id, team_id, lead_unit_credit_code, year, category, form, title,
                                             start_date, end_date, online, place_kind, participants,
                                             enterprises_served, fee_amount, reported_by, reported_at, status,
                                             withdrawn_by, withdrawn_at)
                values (:id, :team, 'LU-RETENTION', :year, 'CONSULTING', 'ONLINE', '保留期限', :day, :day, true,
                        'ONLINE', 36, 3, 0, 'lead-ret', :at, 'WITHDRAWN', 'withdrawer-ret', :at)""")
                .setParameter("id", id).setParameter("team", UUID.randomUUID()).setParameter("year", year)
                .setParameter("day", java.time.LocalDate.of(year, 5, 1))
                .setParameter("at", Instant.parse(year + "-05-02T00:00:00Z").atOffset(ZoneOffset.UTC))
                .executeUpdate());
        return id;
    }

    private List<String> reportRow(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select reported_by, withdrawn_by, cast(participants as text) "
                + "from activity_report where id = :id").setParameter("id", id).getSingleResult();
        return List.of(String.valueOf(row[0]), String.valueOf(row[1]), String.valueOf(row[2]));
    }

    private UUID webhook(Instant createdAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into webhook (id, partner, url, event_types, secret, created_by, created_at)
                values (:id, 'partner-retention', 'https://partner.example.org/hook', cast('[]' as jsonb), 'secret',
                        'operator-ret', :at)""")
                .setParameter("id", id).setParameter("at", createdAt.atOffset(ZoneOffset.UTC)).executeUpdate());
        return id;
    }

    private String webhookCreator(UUID id) {
        return (String) em.createNativeQuery("select created_by from webhook where id = :id").setParameter("id", id)
                .getSingleResult();
    }

    private UUID complaint(String status, Instant decidedAt, String contact) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into complaint (id, team_id, lead_unit_credit_code, kind, text, contact, client_hash, status,
                                       decided_by, decided_at, filed_at, receipt)
                values (:id, :team, 'LU-RETENTION', 'OTHER', 'Zhe tousu', :contact, :hash, :status, :by, :decided,
                        :filed, :receipt)""")
                .setParameter("id", id).setParameter("team", UUID.randomUUID()).setParameter("contact", contact)
                .setParameter("hash", "hash-" + id).setParameter("status", status)
                .setParameter("by", decidedAt == null ? null : "operator-1")
                .setParameter("decided", decidedAt == null ? null : decidedAt.atOffset(ZoneOffset.UTC))
                .setParameter("filed", (decidedAt == null ? NOW : decidedAt).minus(Duration.ofDays(30))
                        .atOffset(ZoneOffset.UTC))
                .setParameter("receipt", id.toString().replace("-", "").substring(0, 14).toUpperCase())
                .executeUpdate());
        return id;
    }

    private List<String> complaintRow(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery(
                "select contact, decided_by, client_hash, text from complaint where id = :id").setParameter("id", id)
                .getSingleResult();
        return List.of(String.valueOf(row[0]), String.valueOf(row[1]),
                String.valueOf(row[2]).startsWith("hash-") ? "null" : String.valueOf(row[2]), String.valueOf(row[3]));
    }

    private String clientHash(UUID id) {
        return (String) em.createNativeQuery("select client_hash from complaint where id = :id").setParameter("id", id)
                .getSingleResult();
    }

    private List<String> participationRow(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery(
                "select volunteer, volunteer_name, cast(hours as text) from participation where id = :id")
                .setParameter("id", id).getSingleResult();
        return List.of((String) row[0], (String) row[1], (String) row[2]);
    }
}
