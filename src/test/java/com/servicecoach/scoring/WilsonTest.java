package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WilsonTest {

    private static void assertClose(String expected, BigDecimal actual) {
        assertTrue(new BigDecimal(expected).subtract(actual).abs().compareTo(new BigDecimal("1e-6")) < 0,
                () -> "expected about " + expected + " but was " + actual);
    }

    @Test
    void eightOfTen() {
        // By hand: z^2 = 1.959964^2 = 3.841458881296; n + z^2 = 13.841458881296.
        // center = (8 + z^2/2) / (n + z^2) = 9.920729440648 / 13.841458881296 = 0.71674016
        // under the root: 8*2/10 + z^2/4 = 1.6 + 0.960364720324 = 2.560364720324; sqrt = 1.60011397
        // half = 1.959964 * 1.60011397 / 13.841458881296 = 3.13616578 / 13.841458881296 = 0.22657769
        // low = 0.49016247 -> 49.0 %, high = 0.94331785 -> 94.3 %.
        Wilson w = Wilson.interval(8, 10).orElseThrow();
        assertClose("49.016247", w.low());
        assertClose("94.331785", w.high());
        assertEquals(new BigDecimal("49.0"), Rounding.percent(w.low()));
        assertEquals(new BigDecimal("94.3"), Rounding.percent(w.high()));
    }

    @Test
    void wholeSuccessesGivenAsADecimalGiveTheSameInterval() {
        assertEquals(Wilson.interval(8, 10), Wilson.interval(new BigDecimal("8"), 10));
    }

    @Test
    void aMeanScoreIsTestedAsSuccessesThatNeedNotBeWhole() {
        // QA score 87.2727...% of 11 reviews: k = 9.6. center = (9.6 + 1.920729440648) / 14.841458881296 = 0.776255;
        // root: 9.6 x 1.4 / 11 + 0.960364720324 = 2.182182538506, sqrt 1.477221; half = 1.959964 x 1.477221 / 14.841458881296
        // = 0.195082 -> high 97.1 %.
        Wilson w = Wilson.interval(new BigDecimal("9.6"), 11).orElseThrow();
        assertEquals(new BigDecimal("97.1"), Rounding.percent(w.high()));
        assertEquals(new BigDecimal("58.1"), Rounding.percent(w.low()));
    }

    @Test
    void noTrialsGiveNoInterval() {
        assertEquals(Optional.empty(), Wilson.interval(0, 0));
    }

    @Test
    void boundsStayWithinZeroAndHundred() {
        // 0 of 5: center = half = (z^2/2) / (5 + z^2) = 1.920729 / 8.841459 = 0.217241: low exactly 0.
        Wilson none = Wilson.interval(0, 5).orElseThrow();
        assertEquals(new BigDecimal("0.0"), Rounding.percent(none.low()));
        assertEquals(new BigDecimal("43.4"), Rounding.percent(none.high()));
        // 5 of 5 mirrors it: high exactly 100, low 100 - 43.448 = 56.552.
        Wilson all = Wilson.interval(5, 5).orElseThrow();
        assertEquals(new BigDecimal("56.6"), Rounding.percent(all.low()));
        assertEquals(new BigDecimal("100.0"), Rounding.percent(all.high()));
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(-1, 2));
    }
}
