package com.servicecoach.assessment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GradingMethodTest {

    static final List<BigDecimal> SCORES = List.of(new BigDecimal("40"), new BigDecimal("90"), new BigDecimal("70"));

    @Test
    void eachMethodPicksOrAveragesTheScoresInAttemptOrder() {
        assertEquals(new BigDecimal("90"), GradingMethod.HIGHEST.grade(SCORES));
        assertEquals(new BigDecimal("70"), GradingMethod.LATEST.grade(SCORES));
        assertEquals(new BigDecimal("40"), GradingMethod.FIRST.grade(SCORES));
        assertEquals(0, new BigDecimal("66.6666666667").compareTo(GradingMethod.AVERAGE.grade(SCORES)));
        assertNull(GradingMethod.AVERAGE.grade(List.of()));
    }

    @Test
    void methodsAreReadFromModuleYmlNamesWithHighestAsTheDefault() {
        assertEquals(GradingMethod.LATEST, GradingMethod.of("latest"));
        assertEquals(GradingMethod.AVERAGE, GradingMethod.of(" Average "));
        assertEquals(GradingMethod.HIGHEST, GradingMethod.of(null));
        assertEquals(GradingMethod.HIGHEST, GradingMethod.of("best"));
    }
}
