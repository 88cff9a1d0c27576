package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.servicecoach.scoring.QaScore.Mark;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QaScoreTest {

    private static void assertValue(String expected, BigDecimal actual) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0,
                () -> "expected " + expected + " but was " + actual);
    }

    private static Mark mark(String criterion, Integer points, int maxPoints) {
        return new Mark(criterion, points, maxPoints, false);
    }

    @Test
    void naCriteriaAreLeftOut() {
        // greeting 5/5 + accuracy 3/5 = 8 of 10 possible; closing (5 points) is N/A: 8/10 x 100 = 80.
        BigDecimal score = QaScore.of(List.of(mark("greeting", 5, 5), mark("accuracy", 3, 5),
                mark("closing", null, 5)));
        assertValue("80", score);
        // Counting the N/A criterion as 0 would give 8/15 = 53.3: not what the spec says.
        assertFalse(new BigDecimal("53.3").compareTo(Rounding.percent(score)) == 0);
    }

    @Test
    void aFailedCriticalCriterionMakesTheReviewZero() {
        // Everything else full (4/4 + 5/5) but the critical compliance check fails (0 of 1).
        BigDecimal score = QaScore.of(List.of(mark("greeting", 4, 4), mark("accuracy", 5, 5),
                new Mark("compliance", 0, 1, true)));
        assertEquals(BigDecimal.ZERO, score);
        // A critical criterion earning less than its full points fails too (2 of 3).
        assertValue("0", QaScore.of(List.of(mark("greeting", 4, 4), new Mark("identity", 2, 3, true))));
    }

    @Test
    void aPassedOrNaCriticalCriterionScoresNormally() {
        // compliance passes: (3 + 5 + 1) / (4 + 5 + 1) = 9/10 = 90.
        assertValue("90", QaScore.of(List.of(mark("greeting", 3, 4), mark("accuracy", 5, 5),
                new Mark("compliance", 1, 1, true))));
        // compliance N/A neither passes nor fails: (3 + 5) / (4 + 5) = 8/9 = 88.888... -> 88.9.
        BigDecimal score = QaScore.of(List.of(mark("greeting", 3, 4), mark("accuracy", 5, 5),
                new Mark("compliance", null, 1, true)));
        assertEquals(new BigDecimal("88.9"), Rounding.percent(score));
    }

    @Test
    void aFailedNonCriticalCriterionOnlyCostsItsPoints() {
        // 0 of 2 on a non-critical criterion: 5 / 7 = 71.428571... -> 71.4.
        BigDecimal score = QaScore.of(List.of(mark("greeting", 0, 2), mark("accuracy", 5, 5)));
        assertEquals(new BigDecimal("71.4"), Rounding.percent(score));
    }

    @Test
    void everyCriterionNaHasNoScoreAndIsLeftOutOfTheMean() {
        assertNull(QaScore.of(List.of(mark("greeting", null, 5), new Mark("compliance", null, 1, true))));
        assertNull(QaScore.of(List.of()));
        BigDecimal none = QaScore.of(List.of(mark("greeting", null, 5)));
        // mean of 80, (no score), 70 = 150 / 2 = 75, not 150 / 3 = 50.
        assertValue("75", QaScore.mean(Arrays.asList(new BigDecimal("80"), none, new BigDecimal("70"))));
        assertNull(QaScore.mean(Arrays.asList(none, null)));
        assertNull(QaScore.mean(List.of()));
    }

    @Test
    void scoresAreUnroundedUntilShown() {
        // 2 of 3 = 66.666... kept to 34 significant digits, shown as 66.7.
        BigDecimal score = QaScore.of(List.of(mark("accuracy", 2, 3)));
        assertEquals(new BigDecimal("66.66666666666666666666666666666667"), score);
        assertEquals(new BigDecimal("66.7"), Rounding.percent(score));
        assertEquals(Rounding.percent(2, 3), Rounding.percent(score));
        // The mean is taken from the unrounded scores: (66.666... + 100 + 100) / 3 = 88.888...
        // (from the rounded 66.7 it would be 266.7 / 3 = 88.9 exactly).
        BigDecimal mean = QaScore.mean(List.of(score, new BigDecimal("100"), new BigDecimal("100")));
        assertEquals(new BigDecimal("88.88888888888888888888888888888889"), mean);
    }

    @Test
    void failureRate() {
        // 1 failure out of 3 reviews where the criterion applied: 33.333... -> 33.3.
        assertEquals(new BigDecimal("33.3"), Rounding.percent(QaScore.failureRate(1, 3)));
        assertValue("25", QaScore.failureRate(1, 4));
        assertNull(QaScore.failureRate(0, 0));
        assertThrows(IllegalArgumentException.class, () -> QaScore.failureRate(4, 3));
        assertThrows(IllegalArgumentException.class, () -> QaScore.failureRate(-1, 3));
    }

    @Test
    void passFailAndNa() {
        Mark full = mark("greeting", 2, 2);
        Mark partial = mark("greeting", 1, 2);
        Mark na = mark("greeting", null, 2);
        assertTrue(full.passes());
        assertFalse(full.fails());
        assertFalse(full.na());
        assertTrue(partial.fails());
        assertFalse(partial.passes());
        assertTrue(na.na());
        assertFalse(na.fails());
        assertFalse(na.passes());
    }

    @Test
    void invalidMarksAreRejected() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> mark("accuracy", 6, 5));
        assertEquals("points of accuracy must be between 0 and 5, was 6", tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> mark("accuracy", -1, 5));
        IllegalArgumentException noMax = assertThrows(IllegalArgumentException.class,
                () -> mark("accuracy", null, 0));
        assertEquals("maximum points of accuracy must be at least 1, was 0", noMax.getMessage());
        assertThrows(NullPointerException.class, () -> mark(null, 1, 1));
    }

    @Test
    void theStoredTotalsGiveTheSameScoreAsTheMarks() {
        List<Mark> marks = List.of(mark("greeting", 5, 5), mark("accuracy", 3, 5), mark("closing", null, 5));
        assertEquals(0, QaScore.of(marks).compareTo(QaScore.ofTotals(8, 10, false)));
        assertValue("0", QaScore.ofTotals(9, 10, true));
        assertNull(QaScore.ofTotals(0, null, false), "every criterion N/A: no score");
        assertNull(QaScore.ofTotals(0, 0, true));
        assertEquals("66.7", Rounding.percent(QaScore.ofTotals(2, 3, false)).toPlainString());
    }
}
