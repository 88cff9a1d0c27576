package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.servicecoach.scoring.BusinessCalendar.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar EMAIL =
            BusinessCalendar.weekdays(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0));

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static Instant shanghai(String localDateTime) {
        return at(localDateTime, SHANGHAI);
    }

    @Test
    void emailFromFridayEveningToMondayMorningCountsOnlyOpeningHours() {
        // Fri 2026-03-06 17:30 -> 18:00 = 1800 s; Sat, Sun closed; Mon 2026-03-09 09:00 -> 09:30 = 1800 s.
        // Total 3600 s, although 64 hours elapsed.
        assertEquals(3600, EMAIL.openSeconds(shanghai("2026-03-06T17:30:00"), shanghai("2026-03-09T09:30:00")));
    }

    @Test
    void aHolidayIsClosedAllDay() {
        // Monday 2026-03-09 is a holiday. Fri 17:30-18:00 = 1800 s, Mon nothing, Tue 09:00-09:30 = 1800 s.
        BusinessCalendar withHoliday = EMAIL.withHolidays(Set.of(LocalDate.of(2026, 3, 9)));
        assertEquals(3600, withHoliday.openSeconds(shanghai("2026-03-06T17:30:00"), shanghai("2026-03-10T09:30:00")));
        // Answered on the holiday itself: only Friday's 1800 s count.
        assertEquals(1800, withHoliday.openSeconds(shanghai("2026-03-06T17:30:00"), shanghai("2026-03-09T11:00:00")));
    }

    @Test
    void twentyFourSevenCountsElapsedTimeAndDropsTheFraction() {
        BusinessCalendar always = BusinessCalendar.twentyFourSeven();
        // Sat 10:00:00.900 -> Sun 10:01:00.100 = 86400 + 59.2 s -> 86459 s.
        assertEquals(86459, always.openSeconds(shanghai("2026-03-07T10:00:00.900"), shanghai("2026-03-08T10:01:00.100")));
        // Across the Berlin spring-forward night 2026-03-29 only 23 real hours pass between the two midnights.
        assertEquals(23 * 3600, always.openSeconds(at("2026-03-29T00:00:00", BERLIN), at("2026-03-30T00:00:00", BERLIN)));
    }

    @Test
    void fractionsAreSummedExactlyBeforeTruncating() {
        // Mon 17:59:59.4 -> 18:00 = 0.6 s, Tue 09:00 -> 09:00:00.5 = 0.5 s: 1.1 s in all -> 1 s
        // (truncating each day first would give 0).
        assertEquals(1, EMAIL.openSeconds(shanghai("2026-03-02T17:59:59.400"), shanghai("2026-03-03T09:00:00.500")));
    }

    @Test
    void endNotAfterStartIsZero() {
        Instant t = shanghai("2026-03-02T10:00:00");
        assertEquals(0, EMAIL.openSeconds(t, t));
        assertEquals(0, EMAIL.openSeconds(t, t.minusSeconds(60)));
        assertEquals(0, BusinessCalendar.twentyFourSeven().openSeconds(t, t.minusSeconds(60)));
    }

    @Test
    void aWholeYearIsCountedDayByDay() {
        // 2026 has 365 days = 52 weeks + 1 day; 1 January 2026 is a Thursday, so 52 * 5 + 1 = 261 weekdays,
        // each open 9 h = 32400 s: 261 * 32400 = 8,456,400 s.
        assertEquals(8_456_400, EMAIL.openSeconds(shanghai("2026-01-01T00:00:00"), shanghai("2027-01-01T00:00:00")));
    }

    @Test
    void openingHoursFollowDaylightSavingTransitions() {
        BusinessCalendar sundayNight = BusinessCalendar.of(BERLIN,
                Map.of(DayOfWeek.SUNDAY, new OpeningHours(LocalTime.of(1, 0), LocalTime.of(4, 0))), Set.of());
        // Sun 2026-03-29: 02:00 CET jumps to 03:00 CEST. 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z: 2 h = 7200 s.
        assertEquals(7200, sundayNight.openSeconds(Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")));
        // Sun 2026-10-25: 03:00 CEST falls back to 02:00 CET. 01:00 CEST = 23:00Z Sat, 04:00 CET = 03:00Z: 4 h.
        assertEquals(14400, sundayNight.openSeconds(Instant.parse("2026-10-24T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z")));

        // Office hours are local: Fri 27 March to Fri 3 April 2026 in Berlin has 5 open weekdays of 9 h,
        // whichever side of the change they are on: 5 * 32400 = 162000 s.
        BusinessCalendar office = BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(18, 0));
        assertEquals(162_000, office.openSeconds(at("2026-03-27T00:00:00", BERLIN), at("2026-04-03T00:00:00", BERLIN)));
    }

    @Test
    void aClosingTimeOfMidnightMeansTheEndOfTheDay() {
        Map<DayOfWeek, OpeningHours> allDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            allDay.put(day, new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        }
        BusinessCalendar allButHolidays = BusinessCalendar.of(SHANGHAI, allDay, Set.of(LocalDate.of(2026, 3, 8)));
        // Sat 22:00 -> 24:00 = 2 h; Sunday 8 March is a holiday; Mon 00:00 -> 02:00 = 2 h: 14400 s.
        assertEquals(14400, allButHolidays.openSeconds(shanghai("2026-03-07T22:00:00"), shanghai("2026-03-09T02:00:00")));
    }

    @Test
    void invalidCalendarsAreRejectedWithAClearMessage() {
        IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class,
                () -> new OpeningHours(LocalTime.of(18, 0), LocalTime.of(9, 0)));
        assertTrue(reversed.getMessage().contains("opening time 18:00 must be before closing time 09:00"));
        assertThrows(IllegalArgumentException.class, () -> new OpeningHours(LocalTime.of(9, 0), LocalTime.of(9, 0)));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> BusinessCalendar.of(SHANGHAI, Map.of(), Set.of()));
        assertTrue(empty.getMessage().contains("at least one opening interval"));
        IllegalArgumentException always = assertThrows(IllegalArgumentException.class,
                () -> BusinessCalendar.twentyFourSeven().withHolidays(Set.of(LocalDate.of(2026, 1, 1))));
        assertTrue(always.getMessage().contains("24x7"));
    }

    @Test
    void agreesWithAPlainDayByDayReferenceOnRandomSpans() {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        hours.put(DayOfWeek.MONDAY, new OpeningHours(LocalTime.of(9, 0), LocalTime.of(18, 0)));
        hours.put(DayOfWeek.TUESDAY, new OpeningHours(LocalTime.of(1, 30), LocalTime.of(3, 30)));
        hours.put(DayOfWeek.WEDNESDAY, new OpeningHours(LocalTime.of(0, 0), LocalTime.MIDNIGHT));
        hours.put(DayOfWeek.SATURDAY, new OpeningHours(LocalTime.of(8, 15, 30), LocalTime.of(12, 0)));
        hours.put(DayOfWeek.SUNDAY, new OpeningHours(LocalTime.of(2, 0), LocalTime.of(2, 59)));
        Random random = new Random(42);
        for (String zoneId : new String[] {"Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC"}) {
            ZoneId zone = ZoneId.of(zoneId);
            BusinessCalendar calendar = BusinessCalendar.of(zone, hours,
                    Set.of(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 1)));
            for (int i = 0; i < 2000; i++) {
                Instant start = Instant.parse("2026-01-01T00:00:00Z")
                        .plusSeconds(random.nextInt(365 * 86400)).plusNanos(random.nextInt(1_000_000_000));
                Instant end = start.plusSeconds(random.nextInt(i % 10 == 0 ? 90 * 86400 : 4 * 86400))
                        .plusNanos(random.nextInt(1_000_000_000));
                assertEquals(reference(calendar, start, end), calendar.openSeconds(start, end),
                        () -> zoneId + " " + start + " -> " + end);
            }
        }
    }

    /** Sums the overlap with each day's interval as Durations of ZonedDateTimes, then truncates. */
    private static long reference(BusinessCalendar calendar, Instant start, Instant end) {
        ZoneId zone = calendar.zone();
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(end, zone).plusDays(1);
        for (LocalDate day = LocalDate.ofInstant(start, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            OpeningHours interval = calendar.openingHours().get(day.getDayOfWeek());
            if (interval == null || calendar.holidays().contains(day)) {
                continue;
            }
            Instant open = day.atTime(interval.open()).atZone(zone).toInstant();
            Instant close = interval.close().equals(LocalTime.MIDNIGHT)
                    ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : day.atTime(interval.close()).atZone(zone).toInstant();
            Instant from = open.isAfter(start) ? open : start;
            Instant to = close.isBefore(end) ? close : end;
            if (to.isAfter(from)) {
                total = total.plus(Duration.between(from, to));
            }
        }
        return total.getSeconds();
    }
}
