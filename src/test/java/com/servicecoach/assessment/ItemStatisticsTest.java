package com.servicecoach.assessment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Item analysis on a worked example: four attempts at five one-point questions.
 * <pre>
 *        Q1 Q2 Q3 Q4 Q5  total
 *   A1    1  1  0  1  0    3
 *   A2    1  0  0  1  0    2
 *   A3    1  1  1  1  0    4
 *   A4    0  0  1  1  0    2
 * </pre>
 The rest of the test is the total minus the question's own score. Q4 (everybody right) adds the same 1
 * to every rest, which changes no correlation; Q4 and Q5 do not vary, so their discrimination is undefined.
 */
class ItemStatisticsTest {

    static final double[][] SCORES = {
            {1, 1, 0, 1, 0},
            {1, 0, 0, 1, 0},
            {1, 1, 1, 1, 0},
            {0, 0, 1, 1, 0}};

    static double[] column(int q) {
        double[] out = new double[SCORES.length];
        for (int i = 0; i < SCORES.length; i++) {
            out[i] = SCORES[i][q];
        }
        return out;
    }

    static double[] totals() {
        double[] out = new double[SCORES.length];
        for (int i = 0; i < SCORES.length; i++) {
            for (double s : SCORES[i]) {
                out[i] += s;
            }
        }
        return out;
    }

    @Test
    void facilityIsTheMeanScoreOverTheMaximum() {
        assertEquals(0.75, ItemStatistics.facility(column(0), 1), 1e-12);
        assertEquals(0.5, ItemStatistics.facility(column(1), 1), 1e-12);
        assertEquals(1.0, ItemStatistics.facility(column(3), 1), 1e-12);
        assertEquals(0.0, ItemStatistics.facility(column(4), 1), 1e-12);
        assertEquals(0.25, ItemStatistics.facility(new double[]{1, 0}, 2), 1e-12, "a two-point question scored 1 and 0");
        assertNull(ItemStatistics.facility(new double[0], 1));
    }

    @Test
    void discriminationCorrelatesTheQuestionWithTheRestOfTheTest() {
        // Q1: scores (1,1,1,0), rest (2,1,3,2): means .75 and 2, Sxy = 0 -> 0
        assertEquals(0.0, ItemStatistics.discrimination(column(0), totals()), 1e-12);
        // Q2: scores (1,0,1,0), rest (2,2,3,2): means .5 and 2.25, Sxy = .5, Sxx = 1, Syy = .75 -> .5/sqrt(.75)
        assertEquals(0.5 / Math.sqrt(0.75), ItemStatistics.discrimination(column(1), totals()), 1e-12);
        // Q3: scores (0,0,1,1), rest (3,2,3,1): means .5 and 2.25, Sxy = -.5, Syy = 2.75 -> -.5/sqrt(2.75)
        assertEquals(-0.5 / Math.sqrt(2.75), ItemStatistics.discrimination(column(2), totals()), 1e-12);
        assertNull(ItemStatistics.discrimination(column(3), totals()), "no variance: undefined");
        assertNull(ItemStatistics.discrimination(new double[]{1}, new double[]{3}), "one attempt: undefined");
    }

    @Test
    void flagsTooEasyTooHardAndNegativeDiscrimination() {
        assertEquals(List.of(), ItemStatistics.flags(0.75, 0.0));
        assertEquals(List.of(ItemStatistics.NEGATIVE), ItemStatistics.flags(0.5, -0.3015));
        assertEquals(List.of(ItemStatistics.TOO_EASY), ItemStatistics.flags(1.0, null));
        assertEquals(List.of(ItemStatistics.TOO_HARD), ItemStatistics.flags(0.0, null));
        assertEquals(List.of(), ItemStatistics.flags(0.95, 0.2), "0.95 itself is not above 0.95");
        assertEquals(List.of(), ItemStatistics.flags(0.2, null), "0.2 itself is not below 0.2");
    }
}
