package com.servicecoach.report.building;

import com.servicecoach.scoring.Scorecard;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.servicecoach.report.building.Cards.card;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Changes between the periods are the shown figures' differences, absent when either figure is. */
class PeriodChangeTest {

    @Test
    void changesAreTheShownFiguresDifferenceAndAbsentWhenEitherIsAbsent() {
        Scorecard now = card(12, 8);
        Scorecard before = card(12, 6);
        PerformanceReport.Change change = PeriodChange.of(now, before);
        assertEquals(now.csatPercent().subtract(before.csatPercent()), change.csatPercent());
        assertEquals(new BigDecimal("16.7"), change.csatPercent(), "66.7 - 50.0");
        assertEquals(0, change.interactions());
        PerformanceReport.Change fromNothing = PeriodChange.of(now, card(0, 0));
        assertNull(fromNothing.csatPercent());
        assertEquals(12, fromNothing.interactions());
    }

    @Test
    void theChangeIsOfTheRoundedFiguresNotOfTheExactOnes() {
        // CSAT 2 of 3 = 66.67 %, shown 66.7; 1 of 3 = 33.33 %, shown 33.3: the page says +33.4, not the exact +33.3
        PerformanceReport.Change change = PeriodChange.of(card(3, 2), card(3, 1));
        assertEquals(new BigDecimal("33.4"), change.csatPercent());
        assertEquals(new BigDecimal("33.4"), change.firstResponseSlaPercent(), "first-response SLA likewise: 66.7 - 33.3");
    }

    @Test
    void aPreviousPeriodWithoutInteractionsGivesNoChangeButInTheCount() {
        Scorecard now = card(12, 9, 10, 12, 8, "75");
        PerformanceReport.Change change = PeriodChange.of(now, card(0, 0));
        assertEquals(new PerformanceReport.Change(12, null, null, null, null, null, null, null, null), change,
                "every figure of the previous period is absent, so is every change; the count went from 0 to 12");
        assertEquals(-12, PeriodChange.of(card(0, 0), now).interactions());
    }

    @Test
    void durationsChangeInWholeSecondsAndFallWhenFaster() {
        Scorecard faster = card(12, 12, 12, 0, 0, null); // every first response in 10 s
        Scorecard slower = card(12, 0, 12, 0, 0, null); // every first response in 120 s
        PerformanceReport.Change change = PeriodChange.of(faster, slower);
        assertEquals(-110L, change.frtMedianSeconds());
        assertEquals(-110L, change.frtP90Seconds());
        assertEquals(new BigDecimal("100.0"), change.firstResponseSlaPercent(), "100.0 - 0.0");
    }

    @Test
    void oneFigureChangesWhenBothAreThere() {
        assertEquals(new BigDecimal("-2.5"), PeriodChange.figure(new BigDecimal("80.0"), new BigDecimal("82.5")));
        assertEquals(new BigDecimal("0.0"), PeriodChange.figure(new BigDecimal("80.0"), new BigDecimal("80.0")), "no change is 0.0, kept to a tenth");
        assertNull(PeriodChange.figure(new BigDecimal("80.0"), null), "no previous value");
        assertNull(PeriodChange.figure(null, new BigDecimal("80.0")), "no current value");
        assertEquals(15L, PeriodChange.seconds(75L, 60L));
        assertNull(PeriodChange.seconds(75L, null));
        assertNull(PeriodChange.seconds(null, 60L));
    }
}
