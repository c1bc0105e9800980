package cn.org.kczg.teams.review.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RECORD of docs/personal-data.md in review-service: reviewers' login ids go ten years after the case's year. */
@QuarkusTest
class RetentionPurgeTests {
    private static final String UNIT = "51100000RETENTION";
    private static final String PANEL = """
            {"chair": "reviewer-a",
             "members": [{"reviewer": "reviewer-a", "scores": {"ART6_EXPERIENCE": 8}, "comment": "好",
                          "scoredAt": "2015-05-01T00:00:00Z"},
                         {"reviewer": "reviewer-b", "scores": null, "comment": null, "scoredAt": null}],
             "recused": [{"reviewer": "reviewer-c", "at": "2015-04-01T00:00:00Z"}], "scoringRequired": true}""";

    @Inject
    RetentionPurge purge;
    @Inject
    EntityManager em;

    @AfterEach
    void realTimeAndNoneOfTheseRows() {
        TestClock.reset();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from review_case where lead_unit_credit_code = :code")
                    .setParameter("code", UNIT).executeUpdate();
            em.createNativeQuery("delete from ban where credit_code = :code").setParameter("code", UNIT)
                    .executeUpdate();
        });
    }

    @Test
    void aCasesReviewersGoTenYearsAfterItsYearScoresAndDecisionStay() {
        UUID expired = reviewCase(2015);
        UUID kept = reviewCase(2016);

        TestClock.set(Instant.parse("2025-12-31T15:59:00Z")); // still 2025 in Beijing
        purge.purge();
        assertEquals("reviewer-a", row(expired).get(0));

        TestClock.set(Instant.parse("2025-12-31T16:01:00Z"));
        purge.purge();

        assertEquals(List.of("erased", "erased", "[\"erased\", \"erased\"]", "[\"erased\"]", "8", "好", "APPROVED"),
                row(expired));
        assertEquals(List.of("reviewer-a", "reviewer-a", "[\"reviewer-a\", \"reviewer-b\"]", "[\"reviewer-c\"]", "8",
                "好", "APPROVED"), row(kept));
    }

    @Test
    void aBansOperatorsGoTenYearsAfterTheYearItEnded() {
        UUID endedIn2015 = ban("2012-06-01", "2015-06-01");
        UUID endsIn2016 = ban("2013-06-01", "2016-06-01");
        TestClock.set(Instant.parse("2026-01-02T00:00:00Z"));

        purge.purge();

        assertEquals(List.of("erased", "SCIENTIFIC"), banRow(endedIn2015));
        assertEquals(List.of("operator-ban", "SCIENTIFIC"), banRow(endsIn2016));
    }

    private UUID reviewCase(int year) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into review_case (id, application_id, lead_unit_credit_code, lead_unit_category, year, status,
                                         claimed_by, submitted_at, decided_at, created_at, panel)
                values (:id, :application, :unit, 'NATIONAL_SOCIETY', :year, 'APPROVED', 'reviewer-a',
                        :at, :at, :at, cast(:panel as jsonb))""")
                .setParameter("unit", UNIT).setParameter("id", id).setParameter("application", UUID.randomUUID())
                .setParameter("year", year)
                .setParameter("at", Instant.parse(year + "-05-01T00:00:00Z").atOffset(ZoneOffset.UTC))
                .setParameter("panel", PANEL).executeUpdate());
        return id;
    }

    private List<String> row(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select claimed_by, panel->>'chair',
                       cast(jsonb_path_query_array(panel, '$.members[*].reviewer') as text),
                       cast(jsonb_path_query_array(panel, '$.recused[*].reviewer') as text),
                       panel->'members'->0->'scores'->>'ART6_EXPERIENCE', panel->'members'->0->>'comment', status
                  from review_case where id = :id""").setParameter("id", id).getSingleResult();
        return java.util.Arrays.stream(row).map(String::valueOf).toList();
    }

    private UUID ban(String since, String until) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into ban (id, credit_code, reason_class, since, until, source, created_by, created_at)
                values (:id, :unit, 'SCIENTIFIC', cast(:since as date), cast(:until as date), 'review',
                        'operator-ban', :at)""")
                .setParameter("unit", UNIT).setParameter("id", id).setParameter("since", since)
                .setParameter("until", until)
                .setParameter("at", Instant.parse(since + "T00:00:00Z").atOffset(ZoneOffset.UTC)).executeUpdate());
        return id;
    }

    private List<String> banRow(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select created_by, reason_class from ban where id = :id")
                .setParameter("id", id).getSingleResult();
        return List.of(String.valueOf(row[0]), String.valueOf(row[1]));
    }
}
