package com.servicecoach.report.building;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPeriodTest {

    @Test
    void monthComparesWithThePreviousCalendarMonth() {
        ReportPeriod march = ReportPeriod.parse("2026-03");
        assertEquals(LocalDate.of(2026, 3, 1), march.from());
        assertEquals(LocalDate.of(2026, 3, 31), march.to());
        ReportPeriod feb = march.previous();
        assertEquals(LocalDate.of(2026, 2, 1), feb.from());
        assertEquals(LocalDate.of(2026, 2, 28), feb.to(), "the whole previous month, not 31 days");
        assertEquals("2026-02", feb.label());
    }

    @Test
    void januaryComparesWithDecemberOfThePreviousYear() {
        assertEquals("2025-12", ReportPeriod.parse("2026-01").previous().label());
    }

    @Test
    void quarterComparesWithThePreviousQuarter() {
        ReportPeriod q1 = ReportPeriod.parse("2026-Q1");
        assertEquals(LocalDate.of(2026, 3, 31), q1.to());
        assertEquals("2025-Q4", q1.previous().label());
        assertEquals(LocalDate.of(2025, 10, 1), q1.previous().from());
    }

    @Test
    void anyDatesCompareWithTheSameNumberOfDaysJustBefore() {
        ReportPeriod p = ReportPeriod.parse("2026-03-01..2026-03-15");
        assertEquals(15, p.days());
        ReportPeriod before = p.previous();
        assertEquals(LocalDate.of(2026, 2, 14), before.from());
        assertEquals(LocalDate.of(2026, 2, 28), before.to());
    }

    @Test
    void datesThatSpanExactlyAMonthAreThatMonth() {
        assertEquals(ReportPeriod.Kind.MONTH, ReportPeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)).kind());
        assertEquals(ReportPeriod.Kind.QUARTER, ReportPeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)).kind());
    }

    @Test
    void badNotationSaysWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse("March"));
        assertTrue(e.getMessage().contains("2026-Q1"));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse("2026-13"));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse("2026-03-10..2026-03-01"));
    }

    @Test
    void aYearIsAPeriodOfItsOwnComparedWithThePreviousYear() {
        ReportPeriod y = ReportPeriod.parse("2028");
        assertEquals(LocalDate.of(2028, 1, 1), y.from());
        assertEquals(LocalDate.of(2028, 12, 31), y.to());
        assertEquals(366, y.days(), "a leap year still fits the 366-day limit");
        assertEquals(ReportPeriod.Kind.YEAR, y.kind());
        assertEquals("2028", y.label());
        assertEquals(ReportPeriod.parse("2027"), y.previous());
        assertEquals(ReportPeriod.parse("2029"), y.next());
        assertEquals(ReportPeriod.Kind.YEAR, ReportPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).kind());
        assertEquals(ReportPeriod.Kind.DAYS, ReportPeriod.of(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 12, 31)).kind());
    }

    @Test
    void theNextPeriodIsTheNextMonthQuarterOrAsManyDays() {
        assertEquals(ReportPeriod.parse("2027-01"), ReportPeriod.parse("2026-12").next());
        assertEquals(ReportPeriod.parse("2027-Q1"), ReportPeriod.parse("2026-Q4").next());
        assertEquals(ReportPeriod.parse("2026-03-16..2026-03-30"), ReportPeriod.parse("2026-03-01..2026-03-15").next());
        assertEquals(ReportPeriod.parse("2026-03"), ReportPeriod.parse("2026-03").next().previous());
    }
}
