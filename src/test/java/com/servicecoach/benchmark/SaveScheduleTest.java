package com.servicecoach.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each exam taker autosaves every period from a random first moment, within the window. */
class SaveScheduleTest {

    @Test
    void aSixtySecondWindowWithThirtySecondAutosavesGivesTwoSavesThirtySecondsApart() {
        Random random = new Random(1);
        for (int taker = 0; taker < 1000; taker++) {
            List<Long> saves = SaveSchedule.offsets(random, 60_000, 30_000);
            assertEquals(2, saves.size(), saves.toString());
            assertTrue(saves.get(0) >= 0 && saves.get(0) < 30_000, saves.toString());
            assertEquals(30_000, saves.get(1) - saves.get(0));
        }
    }

    @Test
    void firstSavesSpreadOverTheWholeFirstPeriod() {
        Random random = new Random(7);
        long early = 0;
        long late = 0;
        for (int taker = 0; taker < 1000; taker++) {
            long first = SaveSchedule.offsets(random, 60_000, 30_000).get(0);
            early += first < 15_000 ? 1 : 0;
            late += first >= 15_000 ? 1 : 0;
        }
        assertTrue(early > 400 && late > 400, early + " early, " + late + " late");
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndNothingReachesTheWindowsEnd() {
        assertEquals(SaveSchedule.offsets(new Random(3), 100_000, 30_000), SaveSchedule.offsets(new Random(3), 100_000, 30_000));
        List<Long> saves = SaveSchedule.offsets(new Random(3), 100_000, 30_000);
        assertTrue(saves.size() == 3 || saves.size() == 4, saves.toString());
        assertTrue(saves.get(saves.size() - 1) < 100_000);
        assertThrows(IllegalArgumentException.class, () -> SaveSchedule.offsets(new Random(), 60_000, 0));
    }

    @Test
    void theTakersOfOneRunSaveSpreadOverTheWholeFirstPeriod() {
        List<List<Long>> all = SaveSchedule.forTakers(500, 42, 60_000, 30_000);
        assertEquals(500, all.size());
        int[] bySixSeconds = new int[5];
        for (List<Long> saves : all) {
            assertEquals(2, saves.size());
            bySixSeconds[(int) (saves.get(0) / 6_000)]++;
        }
        for (int count : bySixSeconds) {
            assertTrue(count > 60 && count < 140, "about 100 first saves in each 6 s: " + java.util.Arrays.toString(bySixSeconds));
        }
    }
}
