package cn.org.kczg.teams.activity.upload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reporting period as teams name it: {@code 2026-Q3} (quarterly), {@code 2026-H1} (half-year) or
 * {@code 2026} (annual); material is due on {@code dueDay} of the month after the period ends.
 */
public record ReportingPeriod(String id, LocalDate start, LocalDate end) {
    @Schema(name = "ReportingPeriodLength", description = "How often an upload is due: QUARTERLY (periods named like "
            + "2026-Q3), HALF_YEAR (2026-H1) or ANNUAL (2026).")
    public enum Length {
        QUARTERLY, HALF_YEAR, ANNUAL
    }

    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
    private static final Pattern HALF = Pattern.compile("^(\\d{4})-H([12])$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");

    public static Optional<ReportingPeriod> parse(String id, Length length) {
        if (id == null) {
            return Optional.empty();
        }
        String p = id.strip().toUpperCase();
        Matcher m;
        switch (length) {
            case QUARTERLY -> {
                if (!(m = QUARTER.matcher(p)).matches()) {
                    return Optional.empty();
                }
                LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                return Optional.of(new ReportingPeriod(p, start, start.plusMonths(3).minusDays(1)));
            }
            case HALF_YEAR -> {
                if (!(m = HALF.matcher(p)).matches()) {
                    return Optional.empty();
                }
                LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), m.group(2).equals("1") ? 1 : 7, 1);
                return Optional.of(new ReportingPeriod(p, start, start.plusMonths(6).minusDays(1)));
            }
            default -> {
                if (!(m = YEAR.matcher(p)).matches()) {
                    return Optional.empty();
                }
                LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
                return Optional.of(new ReportingPeriod(p, start, start.plusYears(1).minusDays(1)));
            }
        }
    }

    public static String example(Length length) {
        return switch (length) {
            case QUARTERLY -> "2026-Q3";
            case HALF_YEAR -> "2026-H1";
            case ANNUAL -> "2026";
        };
    }

    public LocalDate dueDate(int dueDay) {
        return end.plusDays(1).withDayOfMonth(dueDay);
    }

    /** The periods that ended before {@code today}, latest first, at most {@code count}. */
    public static List<ReportingPeriod> endedBefore(LocalDate today, Length length, int count) {
        List<ReportingPeriod> periods = new ArrayList<>();
        ReportingPeriod p = containing(today, length);
        while (periods.size() < count) {
            p = containing(p.start().minusDays(1), length);
            periods.add(p);
        }
        return periods;
    }

    /** The year's periods of this length, first to last. */
    public static List<ReportingPeriod> ofYear(int year, Length length) {
        List<ReportingPeriod> periods = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; ) {
            ReportingPeriod p = containing(day, length);
            periods.add(p);
            day = p.end().plusDays(1);
        }
        return periods;
    }

    static ReportingPeriod containing(LocalDate day, Length length) {
        String id = switch (length) {
            case QUARTERLY -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case HALF_YEAR -> day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2);
            case ANNUAL -> String.valueOf(day.getYear());
        };
        return parse(id, length).orElseThrow();
    }
}
