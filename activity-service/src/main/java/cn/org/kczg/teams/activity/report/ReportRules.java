package cn.org.kczg.teams.activity.report;

import cn.org.kczg.teams.activity.report.ReportDtos.Fees;
import cn.org.kczg.teams.activity.report.ReportDtos.Place;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a report (or a corrected one) must say (Art. 11, 16): an activity that took place — no day after today in
 * China —, ending no earlier than it started, held in a city unless online, and a fee above zero names who paid.
 */
final class ReportRules {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ReportRules() {
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, CHINA);
    }

    static void check(LocalDate startDate, LocalDate endDate, Place place, Fees fees, Instant now) {
        LocalDate today = today(now);
        if (startDate.isAfter(today)) {
            throw ProblemException.invalid("startDate", Text.of("activity.in-future", today));
        }
        if (endDate.isAfter(today)) {
            throw ProblemException.invalid("endDate", Text.of("activity.in-future", today));
        }
        if (endDate.isBefore(startDate)) {
            throw ProblemException.invalid("endDate", Text.of("activity.end-before-start"));
        }
        if (!Boolean.TRUE.equals(place.online()) && (place.city() == null || place.city().isBlank())) {
            throw ProblemException.invalid("place.city", Text.of("activity.city-required"));
        }
        if (fees.amount().signum() > 0 && (fees.payer() == null || fees.payer().isBlank())) {
            throw ProblemException.invalid("feesCharged.payer", Text.of("activity.payer-required"));
        }
    }
}
