package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void percentagesHaveExactlyOneDecimal() {
        assertEquals("83.3", Rounding.percent(5, 6).toPlainString());   // 83.333...
        assertEquals("100.0", Rounding.percent(7, 7).toPlainString());
        assertEquals("0.0", Rounding.percent(0, 3).toPlainString());
        assertNull(Rounding.percent(0, 0));
        assertNull(Rounding.percent(null));
    }

    @Test
    void exactHalfBoundariesRoundUp() {
        assertEquals("12.5", Rounding.percent(1, 8).toPlainString());   // 12.5 exactly
        assertEquals("6.3", Rounding.percent(1, 16).toPlainString());   // 6.25 -> 6.3
        assertEquals("6.3", Rounding.percent(Percent.of(1, 16)).toPlainString());
    }

    @Test
    void theExactRationalIsRoundedNotADouble() {
        // 57 / 400 * 100 = 14.25 exactly -> 14.3, but in double arithmetic it is 14.249999999999998,
        // which would round to 14.2.
        assertEquals(14.249999999999998, 57.0 / 400 * 100);
        assertEquals("14.3", Rounding.percent(57, 400).toPlainString());
        assertEquals("14.3", Rounding.percent(Percent.of(57, 400)).toPlainString());
    }

    @Test
    void averageRatingHasTwoDecimals() {
        // 65 / 8 = 8.125 -> 8.13; 19 / 3 = 6.333... -> 6.33; 8 / 1 -> 8.00.
        assertEquals("8.13", Rounding.rating(65, 8).toPlainString());
        assertEquals("6.33", Rounding.rating(19, 3).toPlainString());
        assertEquals("8.00", Rounding.rating(8, 1).toPlainString());
        assertEquals("8.13", Rounding.rating(new BigDecimal("8.125")).toPlainString());
        assertNull(Rounding.rating(0, 0));
    }

    @Test
    void repeatingDecimalErrorsDoNotPushAValueBelowItsBoundary() {
        // 3 x (100/3 to 34 digits) = 99.99999999999999999999999999999999, which is 100 in exact arithmetic.
        BigDecimal threeThirds = Percent.of(1, 3).multiply(BigDecimal.valueOf(3));
        assertEquals("100.0", Rounding.percent(threeThirds).toPlainString());
        // A value that is genuinely below the boundary stays below it.
        assertEquals("12.4", Rounding.percent(new BigDecimal("12.4499")).toPlainString());
    }
}
