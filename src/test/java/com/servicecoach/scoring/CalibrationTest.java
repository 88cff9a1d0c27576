package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.servicecoach.scoring.Calibration.Agreement;
import com.servicecoach.scoring.Calibration.Deviation;
import com.servicecoach.scoring.Calibration.Score;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with missing data. */
    private static final Integer[][] TEXTBOOK = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
        {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},
    };

    /** One unit per column: the observers' values, nulls for missing. */
    private static List<List<Integer>> textbookUnits() {
        List<List<Integer>> units = new ArrayList<>();
        for (int u = 0; u < TEXTBOOK[0].length; u++) {
            List<Integer> unit = new ArrayList<>();
            for (Integer[] observer : TEXTBOOK) {
                unit.add(observer[u]);
            }
            units.add(unit);
        }
        return units;
    }

    private static BigDecimal ratio(long p, long q) {
        return BigDecimal.valueOf(p).divide(BigDecimal.valueOf(q), MathContext.DECIMAL128);
    }

    private static void assertValue(BigDecimal expected, BigDecimal actual) {
        assertTrue(actual != null && expected.compareTo(actual) == 0,
                () -> "expected " + expected + " but was " + actual);
    }

    private static void assertValue(String expected, BigDecimal actual) {
        assertValue(new BigDecimal(expected), actual);
    }

    private static BigDecimal threeDecimals(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP);
    }

    @Test
    void textbookNominalAndOrdinalAlpha() {
        List<List<Integer>> units = textbookUnits();
        // Published: nominal 0.743, ordinal 0.815. Exactly: nominal 113/152, ordinal 108577/133160.
        assertEquals(new BigDecimal("0.743"), threeDecimals(Calibration.nominalAlpha(units)));
        assertEquals(new BigDecimal("0.815"), threeDecimals(Calibration.ordinalAlpha(units)));
        assertValue(ratio(113, 152), Calibration.nominalAlpha(units));
        assertValue(ratio(108577, 133160), Calibration.ordinalAlpha(units));
    }

    @Test
    void textbookOrdinalAlphaOnFractionsIsTheSame() {
        // Ordinal alpha only uses the values' order: the textbook data as fractions of 5 give the same alpha.
        List<List<BigDecimal>> fractions = new ArrayList<>();
        for (List<Integer> unit : textbookUnits()) {
            List<BigDecimal> f = new ArrayList<>();
            for (Integer v : unit) {
                f.add(v == null ? null : BigDecimal.valueOf(v).divide(BigDecimal.valueOf(5), MathContext.DECIMAL128));
            }
            fractions.add(f);
        }
        assertValue(ratio(108577, 133160), Calibration.ordinalAlpha(fractions));
    }

    @Test
    void binaryExampleOfTwoObservers() {
        // Krippendorff (2011), two observers, ten units of binary data:
        //   A: 0 1 0 0 0 0 0 0 1 0
        //   B: 1 1 1 0 0 1 0 0 0 0
        // By hand: every unit has m = 2, so each contributes its two ordered pairs with weight 1.
        // Mismatched units 1, 3, 6, 9: o01 = o10 = 4; o00 = 2 * 5 = 10; o11 = 2 * 1 = 2.
        // n0 = 14, n1 = 6, n = 20. alpha = 1 - 19 * (4 + 4) / (14*6 + 6*14) = 1 - 152/168 = 2/21 = 0.095.
        List<List<Integer>> units = new ArrayList<>();
        int[] a = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
        int[] b = {1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
        for (int i = 0; i < a.length; i++) {
            units.add(List.of(a[i], b[i]));
        }
        assertValue(ratio(2, 21), Calibration.nominalAlpha(units));
        assertEquals(new BigDecimal("0.095"), threeDecimals(Calibration.nominalAlpha(units)));
        // With two categories ordinal alpha equals nominal alpha (delta^2 is the same constant for the one
        // pair of distinct values, and it cancels).
        assertValue(ratio(2, 21), Calibration.ordinalAlpha(units));
    }

    @Test
    void handWorkedExampleWithSingleAndEmptyUnits() {
        // Units {1,1}, {1,2}, {2,3}, {4} and {} (the last two have no pair and are ignored: the 4 adds no n_4).
        // n1 = 3, n2 = 2, n3 = 1, n = 6; o12 = o21 = 1, o23 = o32 = 1, o11 = 2.
        // Nominal: observed = 4, expected = 36 - (9 + 4 + 1) = 22: alpha = 1 - 5 * 4 / 22 = 1/11.
        // Ordinal: d12 = ((3 + 2) - (3 + 2)/2)^2 = 6.25, d23 = (3 - 1.5)^2 = 2.25, d13 = (6 - 2)^2 = 16.
        //   observed = 2 * 6.25 + 2 * 2.25 = 17; expected = 2 * (3*2*6.25 + 2*1*2.25 + 3*1*16) = 180.
        //   alpha = 1 - 5 * 17 / 180 = 19/36 = 0.5277...
        List<List<Integer>> units = List.of(List.of(1, 1), Arrays.asList(1, null, 2), List.of(2, 3),
                Arrays.asList(null, 4), Arrays.asList(null, null));
        assertValue(ratio(1, 11), Calibration.nominalAlpha(units));
        assertValue(ratio(19, 36), Calibration.ordinalAlpha(units));
        // Leaving out the unpairable units changes nothing.
        List<List<Integer>> pairable = List.of(List.of(1, 1), List.of(1, 2), List.of(2, 3));
        assertEquals(Calibration.ordinalAlpha(pairable), Calibration.ordinalAlpha(units));
        assertEquals(Calibration.nominalAlpha(pairable), Calibration.nominalAlpha(units));
    }

    @Test
    void perfectAgreementIsOne() {
        List<List<Integer>> units = List.of(List.of(1, 1), List.of(2, 2, 2), Arrays.asList(3, null, 3));
        assertValue("1", Calibration.nominalAlpha(units));
        assertValue("1", Calibration.ordinalAlpha(units));
    }

    @Test
    void noExpectedDisagreementGivesNull() {
        // Every value the same: nothing to disagree on.
        List<List<Integer>> same = List.of(List.of(2, 2), List.of(2, 2, 2));
        assertNull(Calibration.nominalAlpha(same));
        assertNull(Calibration.ordinalAlpha(same));
        // Different values, but never two in the same unit: no unit is pairable.
        List<List<Integer>> single = List.of(List.of(1), Arrays.asList(null, 2), List.of());
        assertNull(Calibration.nominalAlpha(single));
        assertNull(Calibration.ordinalAlpha(single));
        assertNull(Calibration.nominalAlpha(List.of()));
        // The lone 1 is in a unit of its own, so only the 2s count.
        List<List<Integer>> loneValue = List.of(List.of(2, 2), List.of(1));
        assertNull(Calibration.ordinalAlpha(loneValue));
    }

    // ---- Calibration.of ----

    private static Score score(String reviewer, long interaction, String criterion, Integer points, int max) {
        return new Score(reviewer, interaction, criterion, points, max, false);
    }

    private static Score critical(String reviewer, long interaction, String criterion, Integer points) {
        return new Score(reviewer, interaction, criterion, points, 1, true);
    }

    @Test
    void threeReviewersWithACriticalFailure() {
        // Criteria: greeting (2 points), accuracy (5), compliance (1, critical).
        // Interaction 10: ann 2, 5, 1 = 8/8 = 100; bob 2, 4, 1 = 7/8 = 87.5; cat 1, 5, 0 -> critical fail = 0.
        //   median of {0, 87.5, 100} = 87.5: ann +12.5, bob 0, cat -87.5.
        // Interaction 20: ann 2, N/A, 1 = 3/3 = 100; bob the same = 100; cat 2, 3, 1 = 6/8 = 75.
        //   median of {75, 100, 100} = 100: ann 0, bob 0, cat -25.
        // Deviations: ann (12.5 + 0) / 2 = 6.25; bob 0; cat (-87.5 - 25) / 2 = -56.25.
        List<Score> scores = List.of(
                score("cat", 10, "greeting", 1, 2), score("cat", 10, "accuracy", 5, 5),
                critical("cat", 10, "compliance", 0),
                score("ann", 10, "greeting", 2, 2), score("ann", 10, "accuracy", 5, 5),
                critical("ann", 10, "compliance", 1),
                score("bob", 10, "greeting", 2, 2), score("bob", 10, "accuracy", 4, 5),
                critical("bob", 10, "compliance", 1),
                score("ann", 20, "greeting", 2, 2), score("ann", 20, "accuracy", null, 5),
                critical("ann", 20, "compliance", 1),
                score("bob", 20, "greeting", 2, 2), score("bob", 20, "accuracy", null, 5),
                critical("bob", 20, "compliance", 1),
                score("cat", 20, "greeting", 2, 2), score("cat", 20, "accuracy", 3, 5),
                critical("cat", 20, "compliance", 1));
        Calibration.Result result = Calibration.of(scores);

        assertEquals(List.of("ann", "bob", "cat"), result.deviations().stream().map(Deviation::reviewer).toList());
        assertEquals(List.of(2, 2, 2), result.deviations().stream().map(Deviation::interactions).toList());
        assertValue("6.25", result.deviations().get(0).deviation());
        assertValue("0", result.deviations().get(1).deviation());
        assertValue("-56.25", result.deviations().get(2).deviation());
        assertEquals(2, result.medians().size());
        assertValue("87.5", result.medians().get(10L));
        assertValue("100", result.medians().get(20L));

        // Agreement: greeting 2,2,1 | 2,2,2 -> 1 of 2; accuracy 5,4,5 | N/A,N/A,3 -> 0 of 2;
        // compliance 1,1,0 | 1,1,1 -> 1 of 2. In the order the criteria first appear.
        assertEquals(List.of("greeting", "accuracy", "compliance"),
                result.agreement().stream().map(Agreement::criterion).toList());
        assertEquals(List.of(1, 0, 1), result.agreement().stream().map(Agreement::agreed).toList());
        assertEquals(List.of(2, 2, 2), result.agreement().stream().map(Agreement::interactions).toList());
        assertValue("50", result.agreement().get(0).percent());
        assertValue("0", result.agreement().get(1).percent());

        // Units (interaction, criterion) as fractions; (20, accuracy) has only cat's 3/5 and is not pairable:
        //   {1, 1, 0.5}, {1, 0.8, 1}, {1, 1, 0}, {1, 1, 1}, {0.6}, {1, 1, 1}.
        // Nominal on pass/fail: n_pass = 12, n_fail = 3, n = 15; each unit with one fail adds 2*2/2 = 2
        //   mismatched coincidences, 3 such units: observed = 6; expected = 2 * 12 * 3 = 72;
        //   alpha = 1 - 14 * 6 / 72 = -1/6.
        // Ordinal: n_0 = n_0.5 = n_0.8 = 1, n_1 = 12. d(0.5,1) = (14 - 6.5)^2 = 56.25, d(0.8,1) = (13 - 6.5)^2
        //   = 42.25, d(0,1) = (15 - 6.5)^2 = 72.25, d(0,0.5) = 1, d(0,0.8) = 4, d(0.5,0.8) = 1.
        //   observed = (4 * 56.25 + 4 * 42.25 + 4 * 72.25) / 2 = 341.5;
        //   expected = 2 * (12 * (56.25 + 42.25 + 72.25) + 1 + 4 + 1) = 4110;
        //   alpha = 1 - 14 * 341.5 / 4110 = -671/4110.
        assertValue(ratio(-1, 6), result.nominalAlpha());
        assertValue(ratio(-671, 4110), result.ordinalAlpha());
    }

    @Test
    void fourReviewersTakeTheMeanOfTheTwoMiddleScores() {
        // Criteria: greeting (2 points), empathy (3).
        // Interaction 1: ann 2, N/A = 100; bob 1, N/A = 50; cat 2, N/A = 100; dan 0, N/A = 0.
        //   sorted 0, 50, 100, 100: median (50 + 100) / 2 = 75: ann +25, bob -25, cat +25, dan -75.
        // Interaction 2 (dan did not score it): ann 2, 3 = 100; bob 2, 2 = 4/5 = 80; cat N/A, N/A = no score.
        //   median of {80, 100} = 90: ann +10, bob -10; cat is not counted here.
        // Interaction 3 (only ann and bob): both 2, 1 = 3/5 = 60: median 60, both 0.
        // Deviations: ann (25 + 10 + 0) / 3 = 11.666...; bob -11.666...; cat 25 (1 interaction);
        //   dan -75 (1).
        List<Score> scores = List.of(
                score("dan", 1, "greeting", 0, 2), score("dan", 1, "empathy", null, 3),
                score("ann", 1, "greeting", 2, 2), score("ann", 1, "empathy", null, 3),
                score("bob", 1, "greeting", 1, 2), score("bob", 1, "empathy", null, 3),
                score("cat", 1, "greeting", 2, 2), score("cat", 1, "empathy", null, 3),
                score("ann", 2, "greeting", 2, 2), score("ann", 2, "empathy", 3, 3),
                score("bob", 2, "greeting", 2, 2), score("bob", 2, "empathy", 2, 3),
                score("cat", 2, "greeting", null, 2), score("cat", 2, "empathy", null, 3),
                score("ann", 3, "greeting", 2, 2), score("ann", 3, "empathy", 1, 3),
                score("bob", 3, "greeting", 2, 2), score("bob", 3, "empathy", 1, 3));
        Calibration.Result result = Calibration.of(scores);

        assertValue("75", result.medians().get(1L));
        assertValue("90", result.medians().get(2L));
        assertValue("60", result.medians().get(3L));
        List<Deviation> d = result.deviations();
        assertEquals(List.of("ann", "bob", "cat", "dan"), d.stream().map(Deviation::reviewer).toList());
        assertEquals(List.of(3, 3, 1, 1), d.stream().map(Deviation::interactions).toList());
        assertValue(ratio(35, 3), d.get(0).deviation());
        assertValue(ratio(-35, 3), d.get(1).deviation());
        assertEquals(new BigDecimal("11.7"), Rounding.percent(d.get(0).deviation()));
        assertEquals(new BigDecimal("-11.7"), Rounding.percent(d.get(1).deviation()));
        assertValue("25", d.get(2).deviation());
        assertValue("-75", d.get(3).deviation());

        // Agreement over the 3 interactions; dan does not count where he scored nothing:
        // greeting 2,1,2,0 | 2,2,N/A | 2,2 -> 1 of 3; empathy all N/A | 3,2,N/A | 1,1 -> 2 of 3.
        Agreement greeting = result.agreement().get(0);
        Agreement empathy = result.agreement().get(1);
        assertEquals(new Agreement("greeting", 3, 1, ratio(100, 3)), greeting);
        assertEquals(new Agreement("empathy", 3, 2, ratio(200, 3)), empathy);
        assertEquals(new BigDecimal("33.3"), Rounding.percent(greeting.percent()));
        assertEquals(new BigDecimal("66.7"), Rounding.percent(empathy.percent()));
    }

    @Test
    void unitsAreBuiltFromFractionsAndPassFail() {
        // Two reviewers, one interaction, criteria of different maxima. Values are fractions of each
        // criterion's maximum, so 2 of 4 on "a" and 1 of 2 on "b" are the same value 0.5; "c" has only x's
        // 0 (y marked it N/A) and is not pairable. Pass/fail: a fail, fail; b fail, pass; c fail.
        List<Score> scores = List.of(
                score("x", 7, "a", 2, 4), score("y", 7, "a", 2, 4),
                score("x", 7, "b", 1, 2), score("y", 7, "b", 2, 2),
                score("x", 7, "c", 0, 3), score("y", 7, "c", null, 3));
        Calibration.Result result = Calibration.of(scores);
        List<List<BigDecimal>> fractions = List.of(
                List.of(new BigDecimal("0.5"), new BigDecimal("0.5")),
                List.of(new BigDecimal("0.5"), BigDecimal.ONE),
                List.of(BigDecimal.ZERO));
        List<List<Boolean>> passes = List.of(List.of(false, false), List.of(false, true), List.of(false));
        assertEquals(Calibration.ordinalAlpha(fractions), result.ordinalAlpha());
        assertEquals(Calibration.nominalAlpha(passes), result.nominalAlpha());
        // Ordinal: n_0.5 = 3, n_1 = 1 (the 0 of "c" stands alone); observed 2 * d / 1, expected 2 * 3 * d:
        // alpha = 1 - 3 * 2 / 6 = 0. Nominal is the same (fail 3, pass 1).
        assertValue("0", result.ordinalAlpha());
        assertValue("0", result.nominalAlpha());
        // x: (2 + 1 + 0) / (4 + 2 + 3) = 3/9 = 33.3...; y: (2 + 2) / (4 + 2) = 66.6...; median 50.
        assertValue("50", result.medians().get(7L));
        assertEquals(new BigDecimal("-16.7"), Rounding.percent(result.deviations().get(0).deviation()));
        assertEquals(new BigDecimal("16.7"), Rounding.percent(result.deviations().get(1).deviation()));
        assertEquals(List.of(1, 0, 0), result.agreement().stream().map(Agreement::agreed).toList());
    }

    @Test
    void fullAgreementOnFullMarksHasNoAlpha() {
        List<Score> scores = List.of(
                score("x", 1, "a", 2, 2), score("y", 1, "a", 2, 2),
                score("x", 2, "a", 2, 2), score("y", 2, "a", 2, 2));
        Calibration.Result result = Calibration.of(scores);
        assertNull(result.ordinalAlpha());
        assertNull(result.nominalAlpha());
        assertEquals(List.of(new Agreement("a", 2, 2, new BigDecimal("100"))), result.agreement());
        assertEquals(List.of(new Deviation("x", 2, BigDecimal.ZERO), new Deviation("y", 2, BigDecimal.ZERO)),
                result.deviations());
    }

    @Test
    void aReviewerWithOnlyNaHasNoDeviation() {
        List<Score> scores = List.of(
                score("x", 1, "a", 1, 2), score("y", 1, "a", 2, 2), score("z", 1, "a", null, 2));
        Calibration.Result result = Calibration.of(scores);
        assertEquals(new Deviation("z", 0, null), result.deviations().get(2));
        // x 50, y 100: median 75.
        assertValue("-25", result.deviations().get(0).deviation());
        assertValue("25", result.deviations().get(1).deviation());
        assertEquals(Map.of(1L, new BigDecimal("75")), result.medians());
    }

    @Test
    void emptySession() {
        Calibration.Result result = Calibration.of(List.of());
        assertEquals(List.of(), result.agreement());
        assertEquals(List.of(), result.deviations());
        assertNull(result.ordinalAlpha());
        assertNull(result.nominalAlpha());
    }

    @Test
    void invalidScoresAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> score("x", 1, "a", 3, 2));
        assertThrows(IllegalArgumentException.class, () -> score("x", 1, "a", 0, 0));
        assertThrows(NullPointerException.class, () -> score(null, 1, "a", 1, 2));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(List.of(score("x", 1, "a", 1, 2), score("x", 1, "a", 2, 2))));
        assertEquals("x scored a of interaction 1 more than once", twice.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(List.of(score("x", 1, "a", 1, 2), score("y", 1, "a", 1, 3))));
    }
}
