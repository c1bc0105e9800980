package cn.org.kczg.teams.activity.statistics;

import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.web.QueryParams;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The filters every statistics answer takes: a year (default: this year in China), a region, a service category. */
public record StatisticsFilter(int year, String region, ServiceCategory category) {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2199;
    static final int REGION_MAX = 100;

    public static StatisticsFilter of(String year, String region, String category, Clock clock) {
        return new StatisticsFilter(year(year, clock), region(region),
                QueryParams.enumValue(ServiceCategory.class, "category", category));
    }

    private static int year(String raw, Clock clock) {
        if (raw == null || raw.isBlank()) {
            return LocalDate.ofInstant(clock.instant(), CHINA).getYear();
        }
        String s = raw.strip();
        if (s.length() != 4 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalid("year", Text.of("statistics.year", FIRST_YEAR, LAST_YEAR));
        }
        int year = Integer.parseInt(s);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ProblemException.invalid("year", Text.of("statistics.year", FIRST_YEAR, LAST_YEAR));
        }
        return year;
    }

    private static String region(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.codePointCount(0, s.length()) > REGION_MAX) {
            throw ProblemException.invalid("region", Text.of("statistics.region", REGION_MAX));
        }
        return s;
    }

    /** The first instant of the year in China. */
    public Instant from() {
        return LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant();
    }

    /** The first instant of the next year in China. */
    public Instant until() {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant();
    }

    public StatisticsDtos.Filters echo() {
        return new StatisticsDtos.Filters(region, category == null ? null : category.name());
    }
}
