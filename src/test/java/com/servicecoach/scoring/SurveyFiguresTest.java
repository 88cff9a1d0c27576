package com.servicecoach.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Survey figures (metrics.md "Customer surveys by dimension") on worked examples. */
class SurveyFiguresTest {

    static final List<SurveyFigures.Dimension> DIMS = List.of(
            new SurveyFigures.Dimension("attitude", true),
            new SurveyFigures.Dimension("communication", true),
            new SurveyFigures.Dimension("logistics", false),
            new SurveyFigures.Dimension("price", false));

    static long[] scores(int... pairs) {
        long[] c = new long[11];
        for (int i = 0; i < pairs.length; i += 2) {
            c[pairs[i]] += pairs[i + 1];
        }
        return c;
    }

    @Test
    void theReferenceSurveysValidRateIs100Of110() {
        SurveyFigures f = SurveyFigures.of(DIMS, Map.of(), 150, 110, 100);
        SurveyFigures.Rounded r = f.rounded();
        assertEquals(new BigDecimal("90.9"), r.validRate());
        assertEquals(new BigDecimal("73.3"), r.returnRate());
        assertEquals(110, r.returned());
        assertEquals(100, r.complete());
    }

    @Test
    void aDimensionsSatisfiedShareMeanBandsAndInterval() {
        // communication: 50 of 100 answers are 7 or more (the reference survey's 50 %)
        Map<String, long[]> counts = new HashMap<>();
        counts.put("communication", scores(10, 10, 9, 10, 8, 15, 7, 15, 6, 20, 5, 10, 4, 10, 2, 5, 1, 5));
        SurveyFigures.Rounded.Dimension d = SurveyFigures.of(DIMS, counts, 100, 100, 100).rounded().dimensions().get(1);
        assertEquals("communication", d.code());
        assertEquals("agent", d.driver());
        assertEquals(100, d.answers());
        assertEquals(50, d.satisfied());
        assertEquals(new BigDecimal("50.0"), d.satisfiedPercent());
        // Wilson 95 % for 50/100: 40.4 .. 59.6
        assertEquals(new BigDecimal("40.4"), d.satisfiedLow95());
        assertEquals(new BigDecimal("59.6"), d.satisfiedHigh95());
        // mean = (100 + 90 + 120 + 105 + 120 + 50 + 40 + 10 + 5) / 100 = 6.40
        assertEquals(new BigDecimal("6.40"), d.mean());
        assertEquals(new RatingBands(20, 30, 30, 10, 10), d.bands());
    }

    @Test
    void incompleteResponsesCountForTheDimensionsTheyAnswerAndEmptyDimensionsAreNull() {
        Map<String, long[]> counts = new HashMap<>();
        counts.put("attitude", scores(9, 2, 3, 1));      // 2 of 3 satisfied
        counts.put("logistics", scores(8, 1));           // 1 of 1
        SurveyFigures f = SurveyFigures.of(DIMS, counts, 5, 3, 1);
        SurveyFigures.Rounded r = f.rounded();
        assertEquals(new BigDecimal("66.7"), r.dimensions().get(0).satisfiedPercent());
        assertNull(r.dimensions().get(1).satisfiedPercent());
        assertNull(r.dimensions().get(1).mean());
        assertNull(r.dimensions().get(1).satisfiedLow95());
        // agent-driven index over the agent-driven dimensions with answers: attitude only
        assertEquals(new BigDecimal("66.7"), r.agentDrivenIndex());
        // company-driven: logistics 100 only (price has no answers)
        assertEquals(new BigDecimal("100.0"), r.companyDrivenIndex());
        assertEquals(new BigDecimal("33.3"), r.validRate());
    }

    @Test
    void theIndexIsTheUnweightedMeanOfTheDimensionsShares() {
        Map<String, long[]> counts = new HashMap<>();
        counts.put("attitude", scores(7, 1));                 // 100 % of 1 answer
        counts.put("communication", scores(7, 1, 6, 2));      // 33.3.. % of 3 answers
        SurveyFigures f = SurveyFigures.of(DIMS, counts, 3, 3, 3);
        // (100 + 33.333...) / 2 = 66.666... -> 66.7 (not the pooled 2 of 4 = 50)
        assertEquals(new BigDecimal("66.7"), f.rounded().agentDrivenIndex());
        assertNull(f.rounded().companyDrivenIndex());
    }

    @Test
    void nothingSentHasNoRates() {
        SurveyFigures.Rounded r = SurveyFigures.of(DIMS, Map.of(), 0, 0, 0).rounded();
        assertNull(r.returnRate());
        assertNull(r.validRate());
        assertNull(r.agentDrivenIndex());
        assertEquals(4, r.dimensions().size());
        assertEquals(0, r.dimensions().get(0).bands().total());
    }

    @Test
    void countsThatCannotBeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SurveyFigures.of(DIMS, Map.of(), 10, 11, 1));
        assertThrows(IllegalArgumentException.class, () -> SurveyFigures.of(DIMS, Map.of(), 10, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> SurveyFigures.figure(DIMS.get(0), new long[10]));
    }
}
