package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void aSingleValueIsEveryPercentile() {
        // n = 1: k = ceil(p/100) = 1 for every p.
        long[] one = {42};
        assertEquals(42L, Percentiles.nearestRank(one, 50));
        assertEquals(42L, Percentiles.nearestRank(one, 90));
        assertEquals(42L, Percentiles.nearestRank(one, 1));
    }

    @Test
    void p90OfTenValuesIsTheNinth() {
        // n = 10: k = ceil(0.9 * 10) = 9 -> 90.
        long[] ten = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertEquals(90L, Percentiles.nearestRank(ten, 90));
        // median: k = ceil(5) = 5 -> 50 (nearest rank, no interpolation).
        assertEquals(50L, Percentiles.nearestRank(ten, 50));
    }

    @Test
    void medianOfElevenValuesIsTheSixth() {
        // n = 11: k = ceil(5.5) = 6 -> 6th value.
        long[] eleven = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertEquals(6L, Percentiles.nearestRank(eleven, 50));
        // p90: k = ceil(9.9) = 10.
        assertEquals(10L, Percentiles.nearestRank(eleven, 90));
    }

    @Test
    void noValuesGiveNull() {
        assertNull(Percentiles.nearestRank(new long[0], 50));
        assertNull(Percentiles.nearestRankInPlace(new long[5], 0, 90));
    }

    @Test
    void percentileOutsideOneToHundredIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[] {1}, 101));
    }

    @Test
    void selectionInPlaceAgreesWithSortingIncludingManyDuplicates() {
        Random random = new Random(7);
        for (int n : new int[] {1, 2, 3, 10, 11, 17, 100, 1001, 20_000}) {
            for (int spread : new int[] {1, 5, 1_000, 1_000_000}) {
                long[] values = new long[n + 3]; // trailing slots are not part of the data
                for (int i = 0; i < n; i++) {
                    values[i] = random.nextInt(spread);
                }
                long[] sorted = Arrays.copyOf(values, n);
                Arrays.sort(sorted);
                for (int p : new int[] {1, 25, 50, 90, 99, 100}) {
                    assertEquals(Percentiles.nearestRank(sorted, p), Percentiles.nearestRankInPlace(values, n, p),
                            "n=" + n + " spread=" + spread + " p=" + p);
                }
            }
        }
    }
}
