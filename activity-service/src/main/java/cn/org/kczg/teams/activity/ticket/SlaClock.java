package cn.org.kczg.teams.activity.ticket;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working time for demand-hall due dates: Monday to Friday in Beijing time, minus the holidays the
 * operator keeps, plus the weekend days the official calendar makes working days (调休上班). A working day counts in full (24 h), so "within 2 working days" of an assignment on
 * Friday 15:00 is Tuesday 15:00; time on weekends and holidays does not count at all.
 */
public final class SlaClock {
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingWeekendDays;

    public SlaClock(Set<LocalDate> holidays) {
        this(holidays, Set.of());
    }

    public SlaClock(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
        this.holidays = Set.copyOf(holidays);
        this.workingWeekendDays = Set.copyOf(workingWeekendDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** When {@code days} working days have passed since {@code start}. */
    public Instant plusWorkingDays(Instant start, int days) {
        return plusWorkingTime(start, Duration.ofDays(days));
    }

    /** The instant at which {@code amount} of working time has passed since {@code start}. */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        long remaining = amount.toSeconds();
        ZonedDateTime at = start.atZone(BEIJING);
        while (true) {
            ZonedDateTime nextMidnight = at.toLocalDate().plusDays(1).atStartOfDay(BEIJING);
            if (isWorkingDay(at.toLocalDate())) {
                long available = Duration.between(at, nextMidnight).toSeconds();
                if (remaining <= available) {
                    return at.plusSeconds(remaining).toInstant();
                }
                remaining -= available;
            }
            at = nextMidnight;
        }
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long seconds = 0;
        ZonedDateTime at = from.atZone(BEIJING);
        ZonedDateTime end = to.atZone(BEIJING);
        while (at.isBefore(end)) {
            ZonedDateTime nextMidnight = at.toLocalDate().plusDays(1).atStartOfDay(BEIJING);
            ZonedDateTime until = nextMidnight.isBefore(end) ? nextMidnight : end;
            if (isWorkingDay(at.toLocalDate())) {
                seconds += Duration.between(at, until).toSeconds();
            }
            at = until;
        }
        return Duration.ofSeconds(seconds);
    }

    /** A due time moved on by the working time a pause took (the clock stops while waiting on the demand side). */
    public Instant afterPause(Instant due, Instant pausedAt, Instant resumedAt) {
        return due == null ? null : plusWorkingTime(due, workingTimeBetween(pausedAt, resumedAt));
    }
}
