package cn.org.kczg.teams.activity.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.kczg.teams.activity.report.ReportDtos.Fees;
import cn.org.kczg.teams.activity.report.ReportDtos.Place;
import cn.org.kczg.teams.kit.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportRulesTest {
    private static final Place SUZHOU = new Place("苏州市", null, false);
    private static final Fees NONE = new Fees(BigDecimal.ZERO, null);
    /** 00:30 on 11 June in Beijing, still 10 June in UTC. */
    private static final Instant NOW = Instant.parse("2026-06-10T16:30:00Z");

    private static String field(Runnable check) {
        return assertThrows(ProblemException.class, check::run).errors().get(0).field();
    }

    @Test
    void todayIsTheDayInChinaNotInUtc() {
        assertEquals(LocalDate.of(2026, 6, 11), ReportRules.today(NOW));
        LocalDate today = LocalDate.of(2026, 6, 11);
        assertDoesNotThrow(() -> ReportRules.check(today, today, SUZHOU, NONE, NOW));
        assertEquals("startDate", field(() -> ReportRules.check(today.plusDays(1), today.plusDays(1), SUZHOU, NONE, NOW)));
        assertEquals("endDate", field(() -> ReportRules.check(today, today.plusDays(1), SUZHOU, NONE, NOW)));
    }

    @Test
    void endBeforeStartNoCityAndAnUnpaidFeeNameTheirField() {
        LocalDate day = LocalDate.of(2026, 5, 1);
        assertEquals("endDate", field(() -> ReportRules.check(day, day.minusDays(1), SUZHOU, NONE, NOW)));
        assertEquals("place.city", field(() -> ReportRules.check(day, day, new Place(" ", null, null), NONE, NOW)));
        assertDoesNotThrow(() -> ReportRules.check(day, day, new Place(null, null, true), NONE, NOW));
        assertEquals("feesCharged.payer", field(() -> ReportRules.check(day, day, SUZHOU,
                new Fees(new BigDecimal("10"), null), NOW)));
    }
}
