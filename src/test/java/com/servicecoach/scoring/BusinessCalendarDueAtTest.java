package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.servicecoach.scoring.BusinessCalendar.OpeningHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link BusinessCalendar#dueAt}: when a target of open time runs out, exactly the inverse of openSeconds. */
class BusinessCalendarDueAtTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long HOUR = 3600;
    /** The default email calendar: Mon-Fri 09:00-18:00 in Asia/Shanghai. */
    private static final BusinessCalendar EMAIL = BusinessCalendar.weekdays(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0));

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static Instant shanghai(String localDateTime) {
        return at(localDateTime, SHANGHAI);
    }

    @Test
    void anEmailAtFridayFivePmWithSixteenBusinessHoursIsDueOnTuesdayAtThreePm() {
        // Fri 2026-03-06 17:00-18:00 = 1 h; Sat, Sun closed; Mon 09:00-18:00 = 9 h (10 h); Tue 09:00 + 6 h = 15:00.
        Instant created = shanghai("2026-03-06T17:00:00");
        Instant due = EMAIL.dueAt(created, 16 * HOUR);
        assertEquals(shanghai("2026-03-10T15:00:00"), due);
        assertEquals(16 * HOUR, EMAIL.openSeconds(created, due));
    }

    @Test
    void aHolidayMovesItADay() {
        // Monday 2026-03-09 closed: Fri 1 h, Tue 9 h (10 h), Wed 09:00 + 6 h = 15:00.
        BusinessCalendar withHoliday = EMAIL.withHolidays(Set.of(LocalDate.of(2026, 3, 9)));
        assertEquals(shanghai("2026-03-11T15:00:00"), withHoliday.dueAt(shanghai("2026-03-06T17:00:00"), 16 * HOUR));
    }

    @Test
    void closedTimeBeforeTheStartIsSkipped() {
        // before opening: the clock starts at 09:00
        assertEquals(shanghai("2026-03-09T10:00:00"), EMAIL.dueAt(shanghai("2026-03-09T07:00:00"), HOUR));
        // on a Saturday: Monday's opening
        assertEquals(shanghai("2026-03-09T10:00:00"), EMAIL.dueAt(shanghai("2026-03-07T12:00:00"), HOUR));
        // after Friday's closing: Monday 09:30
        assertEquals(shanghai("2026-03-09T09:30:00"), EMAIL.dueAt(shanghai("2026-03-06T19:00:00"), HOUR / 2));
    }

    @Test
    void aTargetThatRunsOutAtClosingIsDueAtTheClosingNotAtTheNextOpening() {
        Instant monday = shanghai("2026-03-09T09:00:00");
        assertEquals(shanghai("2026-03-09T18:00:00"), EMAIL.dueAt(monday, 9 * HOUR));
        assertEquals(shanghai("2026-03-10T09:00:01"), EMAIL.dueAt(monday, 9 * HOUR + 1));
    }

    @Test
    void twentyFourSevenAddsTheSecondsAndZeroIsDueAtTheStart() {
        Instant start = shanghai("2026-03-07T10:00:00.900");
        assertEquals(start.plusSeconds(48 * HOUR), BusinessCalendar.twentyFourSeven().dueAt(start, 48 * HOUR));
        assertEquals(start, BusinessCalendar.twentyFourSeven().dueAt(start, 0));
        Instant saturday = shanghai("2026-03-07T12:00:00");
        assertEquals(saturday, EMAIL.dueAt(saturday, 0));
    }

    @Test
    void aStartWithAFractionOfASecondKeepsIt() {
        // 17:59:59.400 Monday + 1 s: 0.6 s on Monday, 0.4 s on Tuesday -> Tue 09:00:00.400
        assertEquals(shanghai("2026-03-10T09:00:00.400"), EMAIL.dueAt(shanghai("2026-03-09T17:59:59.400"), 1));
    }

    @Test
    void openingHoursFollowDaylightSavingTransitions() {
        // Berlin springs forward on Sunday 2026-03-29: that whole day has 23 hours.
        OpeningHours wholeDay = new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        Map<DayOfWeek, OpeningHours> everyDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            everyDay.put(d, wholeDay);
        }
        BusinessCalendar always = BusinessCalendar.of(BERLIN, everyDay, Set.of());
        assertEquals(at("2026-03-30T01:00:00", BERLIN), always.dueAt(at("2026-03-29T00:00:00", BERLIN), 24 * HOUR));
        // Fri 17:00 CET + 2 business hours = Mon 10:00 CEST
        BusinessCalendar office = BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(18, 0));
        assertEquals(at("2026-03-30T10:00:00", BERLIN), office.dueAt(at("2026-03-27T17:00:00", BERLIN), 2 * HOUR));
    }

    @Test
    void aNegativeAmountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EMAIL.dueAt(Instant.EPOCH, -1));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void isTheEarliestInstantAtWhichOpenSecondsReachTheTargetOnRandomStarts() {
        Map<DayOfWeek, OpeningHours> uneven = new EnumMap<>(DayOfWeek.class);
        uneven.put(DayOfWeek.TUESDAY, new OpeningHours(LocalTime.of(1, 30), LocalTime.of(3, 15)));
        uneven.put(DayOfWeek.SATURDAY, new OpeningHours(LocalTime.of(20, 0), LocalTime.MIDNIGHT));
        List<BusinessCalendar> calendars = List.of(EMAIL,
                EMAIL.withHolidays(Set.of(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 10, 1))),
                BusinessCalendar.weekdays(BERLIN, LocalTime.of(8, 0), LocalTime.of(17, 30)),
                BusinessCalendar.of(BERLIN, uneven, Set.of(LocalDate.of(2026, 3, 28))),
                BusinessCalendar.twentyFourSeven());
        Random random = new Random(15);
        Instant base = shanghai("2026-01-01T00:00:00");
        for (int i = 0; i < 4000; i++) {
            BusinessCalendar calendar = calendars.get(random.nextInt(calendars.size()));
            Instant start = base.plusSeconds(random.nextInt(365 * 24 * 3600)).plusNanos(random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
            long seconds = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(100 * 3600);
            Instant due = calendar.dueAt(start, seconds);
            String what = calendar + " from " + start + " + " + seconds + " s = " + due;
            assertEquals(seconds, calendar.openSeconds(start, due), what);
            if (seconds > 0) {
                assertTrue(calendar.openSeconds(start, due.minusNanos(1)) < seconds, "earliest: " + what);
            }
        }
    }
}
