package cn.org.kczg.teams.activity.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaClockTest {
    // 2026-09-28 is a Monday; 2026-10-01..07 are the National Day holidays
    private static final Set<LocalDate> NATIONAL_DAY = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    private final SlaClock plain = new SlaClock(Set.of());
    private final SlaClock withHolidays = new SlaClock(NATIONAL_DAY);

    private static Instant beijing(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(SlaClock.BEIJING).toInstant();
    }

    @Test
    void weekdaysCountInFull() {
        assertEquals(beijing(9, 30, 10, 0), plain.plusWorkingDays(beijing(9, 28, 10, 0), 2));
    }

    @Test
    void weekendsDoNotCount() {
        // Friday 15:00 + 2 working days = Tuesday 15:00
        assertEquals(beijing(11, 3, 15, 0), plain.plusWorkingDays(beijing(10, 30, 15, 0), 2));
    }

    @Test
    void aStartOnAWeekendCountsFromMondayMidnight() {
        assertEquals(beijing(11, 3, 0, 0), plain.plusWorkingDays(beijing(10, 31, 20, 0), 1));
    }

    @Test
    void holidaysDoNotCount() {
        // Wednesday 30 Sep 9:00 + 3 working days: Sep 30 rest, (Oct 1-2 holiday, 3-4 weekend, 5-7 holiday),
        // Oct 8, Oct 9, → Oct 12? no: 30 Sep 9:00→1 Oct 0:00 is 15 h; then Oct 8 and 9 (48 h); 9 h left on Oct 12
        assertEquals(beijing(10, 12, 9, 0), withHolidays.plusWorkingDays(beijing(9, 30, 9, 0), 3));
        assertFalse(withHolidays.isWorkingDay(LocalDate.of(2026, 10, 6)));
        assertTrue(withHolidays.isWorkingDay(LocalDate.of(2026, 10, 9)));
    }

    @Test
    void aWeekendDayMadeAWorkingDayCounts() {
        // Sunday 27 Sep 2026 was a 调休 working day before National Day: Friday 15:00 + 1 day = Sunday 15:00
        SlaClock withMakeUpDay = new SlaClock(NATIONAL_DAY, Set.of(LocalDate.of(2026, 9, 27)));
        assertTrue(withMakeUpDay.isWorkingDay(LocalDate.of(2026, 9, 27)));
        assertFalse(withMakeUpDay.isWorkingDay(LocalDate.of(2026, 9, 26)));
        assertEquals(beijing(9, 27, 15, 0), withMakeUpDay.plusWorkingDays(beijing(9, 25, 15, 0), 1));
        assertEquals(beijing(9, 28, 15, 0), plain.plusWorkingDays(beijing(9, 25, 15, 0), 1));
    }

    @Test
    void workingTimeBetweenSkipsWeekendsAndHolidays() {
        assertEquals(Duration.ofHours(24 + 10), plain.workingTimeBetween(beijing(10, 30, 0, 0), beijing(11, 2, 10, 0)));
        assertEquals(Duration.ofHours(15), withHolidays.workingTimeBetween(beijing(9, 30, 9, 0), beijing(10, 8, 0, 0)));
        assertEquals(Duration.ZERO, plain.workingTimeBetween(beijing(10, 31, 0, 0), beijing(11, 2, 0, 0)));
        assertEquals(Duration.ZERO, plain.workingTimeBetween(beijing(11, 2, 0, 0), beijing(10, 31, 0, 0)));
    }

    @Test
    void aPauseMovesTheDueTimeByTheWorkingTimeItTook() {
        Instant due = beijing(10, 29, 12, 0); // Thursday
        // paused Wednesday 12:00 → Thursday 18:00: 30 working hours later
        Instant moved = plain.afterPause(due, beijing(10, 28, 12, 0), beijing(10, 29, 18, 0));
        assertEquals(beijing(10, 30, 18, 0), moved);
        // paused over a weekend only: nothing moves
        assertEquals(due, plain.afterPause(due, beijing(10, 31, 9, 0), beijing(11, 1, 22, 0)));
        // a pause that crosses into the weekend pushes past it
        assertEquals(beijing(11, 2, 12, 0), plain.afterPause(beijing(10, 30, 12, 0), beijing(10, 30, 0, 0),
                beijing(11, 1, 0, 0)));
        assertNull(plain.afterPause(null, due, due));
    }
}
