package cn.org.kczg.teams.evaluation.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.org.kczg.teams.testkit.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RECORD of docs/personal-data.md in evaluation-service: login ids and the name of who gave guidance go ten years
 * after the year the record concerns; the record's facts stay.
 */
@QuarkusTest
class RetentionPurgeTests {
    private static final String UNIT = "LU-RETENTION";

    @Inject
    RetentionPurge purge;
    @Inject
    EntityManager em;

    @AfterEach
    void realTimeAndNoneOfTheseRows() {
        TestClock.reset();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from guidance_session where lead_unit_credit_code = :unit")
                    .setParameter("unit", UNIT).executeUpdate();
            em.createNativeQuery("delete from appeal where lead_unit_credit_code = :unit").setParameter("unit", UNIT)
                    .executeUpdate();
        });
    }

    @Test
    void guidanceAndAppealsLoseTheirPeopleTenYearsAfterTheirYearAndKeepTheirFacts() {
        UUID oldSession = guidance(2015);
        UUID newSession = guidance(2016);
        UUID oldAppeal = appeal(2015);
        UUID newAppeal = appeal(2016);

        TestClock.set(Instant.parse("2025-12-31T15:59:00Z")); // still 2025 in Beijing
        purge.purge();
        assertEquals(List.of("学会服务中心 王敏", "operator-ret", "检查组织建设"), guidanceRow(oldSession));

        TestClock.set(Instant.parse("2025-12-31T16:01:00Z"));
        var purged = purge.purge();

        assertEquals(List.of("已删除", "erased", "检查组织建设"), guidanceRow(oldSession));
        assertEquals(List.of("学会服务中心 王敏", "operator-ret", "检查组织建设"), guidanceRow(newSession));
        assertEquals(List.of("erased", "erased", "UPHELD", "GOOD"), appealRow(oldAppeal));
        assertEquals(List.of("lead-ret", "operator-ret", "UPHELD", "GOOD"), appealRow(newAppeal));
        assertEquals(1, purged.get("RECORD GuidanceSession"));
    }

    private UUID guidance(int year) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into guidance_session (id, team_id, lead_unit_credit_code, year, given_on, topic, content,
                                              given_by, recorded_by, recorded_at)
                values (:id, :team, :unit, :year, :on, '检查组织建设', '现场指导', '学会服务中心 王敏', 'operator-ret', :at)""")
                .setParameter("id", id).setParameter("team", UUID.randomUUID()).setParameter("unit", UNIT)
                .setParameter("year", year).setParameter("on", LocalDate.of(year, 5, 1))
                .setParameter("at", Instant.parse(year + "-05-02T00:00:00Z").atOffset(ZoneOffset.UTC))
                .executeUpdate());
        return id;
    }

    private List<String> guidanceRow(UUID id) {
        return row("select given_by, recorded_by, topic from guidance_session where id = :id", id);
    }

    private UUID appeal(int year) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into appeal (id, subject, subject_key, team_id, lead_unit_credit_code, year, reason, status,
                                    filed_by, filed_at, new_grade, decided_by, decided_at)
                values (:id, 'GRADE', :key, :team, :unit, :year, '评价结果有误，材料已补充', 'UPHELD', 'lead-ret', :at,
                        'GOOD', 'operator-ret', :at)""")
                .setParameter("id", id).setParameter("key", id.toString()).setParameter("team", UUID.randomUUID())
                .setParameter("unit", UNIT).setParameter("year", year)
                .setParameter("at", Instant.parse((year + 1) + "-03-01T00:00:00Z").atOffset(ZoneOffset.UTC))
                .executeUpdate());
        return id;
    }

    private List<String> appealRow(UUID id) {
        return row("select filed_by, decided_by, status, new_grade from appeal where id = :id", id);
    }

    private List<String> row(String sql, UUID id) {
        Object[] row = (Object[]) em.createNativeQuery(sql).setParameter("id", id).getSingleResult();
        return Arrays.stream(row).map(String::valueOf).toList();
    }
}
