package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RatingBandTest {

    @Test
    void ratingsOnTheTenPointScaleFallInFiveBands() {
        int[] ratings = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        RatingBand[] expected = {
            RatingBand.VERY_DISSATISFIED, RatingBand.VERY_DISSATISFIED, RatingBand.DISSATISFIED,
            RatingBand.DISSATISFIED, RatingBand.NEUTRAL, RatingBand.NEUTRAL, RatingBand.SATISFIED,
            RatingBand.SATISFIED, RatingBand.VERY_SATISFIED, RatingBand.VERY_SATISFIED};
        for (int i = 0; i < ratings.length; i++) {
            assertEquals(expected[i], RatingBand.of(ratings[i]), "rating " + ratings[i]);
        }
    }

    @Test
    void fivePointRatingsStoredAsTwiceTheirValueLandOneBandPerStar() {
        // r stars -> 2r: 5 -> 10, 4 -> 8, 3 -> 6, 2 -> 4, 1 -> 2.
        assertEquals(RatingBand.VERY_SATISFIED, RatingBand.of(2 * 5));
        assertEquals(RatingBand.SATISFIED, RatingBand.of(2 * 4));
        assertEquals(RatingBand.NEUTRAL, RatingBand.of(2 * 3));
        assertEquals(RatingBand.DISSATISFIED, RatingBand.of(2 * 2));
        assertEquals(RatingBand.VERY_DISSATISFIED, RatingBand.of(2 * 1));
    }

    @Test
    void codesMatchTheQueryParameter() {
        assertEquals("very_satisfied", RatingBand.VERY_SATISFIED.code());
        assertEquals("satisfied", RatingBand.SATISFIED.code());
        assertEquals("neutral", RatingBand.NEUTRAL.code());
        assertEquals("dissatisfied", RatingBand.DISSATISFIED.code());
        assertEquals("very_dissatisfied", RatingBand.VERY_DISSATISFIED.code());
    }

    @Test
    void ratingsOutsideOneToTenAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RatingBand.of(0));
        assertThrows(IllegalArgumentException.class, () -> RatingBand.of(11));
    }
}
