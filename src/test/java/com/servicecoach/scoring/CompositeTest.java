package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.servicecoach.scoring.Composite.Component;
import com.servicecoach.scoring.Composite.WeightedComponent;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeTest {

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static List<String> shown(List<WeightedComponent> components, boolean effective) {
        return components.stream()
                .map(c -> effective ? String.valueOf(c.effectiveWeight()) : String.valueOf(c.value()))
                .toList();
    }

    @Test
    void allComponentsKeepTheirWeights() {
        // (80*30 + 90*20 + 70*35 + 60*15) / 100 = (2400 + 1800 + 2450 + 900) / 100 = 75.5
        Composite.Result result = Composite.of(List.of(
                new Component("responsiveness", dec("80"), 30), new Component("resolution", dec("90"), 20),
                new Component("satisfaction", dec("70"), 35), new Component("knowledge", dec("60"), 15)));
        Composite.Result rounded = result.rounded();
        assertEquals(dec("75.5"), rounded.score());
        assertEquals(List.of("30.0", "20.0", "35.0", "15.0"), shown(rounded.components(), true));
    }

    @Test
    void aMissingComponentIsLeftOutAndTheOtherWeightsScaledUp() {
        // knowledge missing: weights 30 + 20 + 35 = 85.
        // score = (80*30 + 90*20 + 70*35) / 85 = 6650 / 85 = 78.2352... -> 78.2
        // effective weights: 30/85 = 35.294 -> 35.3; 20/85 = 23.529 -> 23.5; 35/85 = 41.176 -> 41.2; knowledge null.
        Composite.Result result = Composite.of(List.of(
                new Component("responsiveness", dec("80"), 30), new Component("resolution", dec("90"), 20),
                new Component("satisfaction", dec("70"), 35), new Component("knowledge", null, 15)));
        Composite.Result rounded = result.rounded();
        assertEquals(dec("78.2"), rounded.score());
        assertEquals(List.of("35.3", "23.5", "41.2", "null"), shown(rounded.components(), true));
        assertEquals(List.of("80.0", "90.0", "70.0", "null"), shown(rounded.components(), false));
        assertEquals(15, rounded.components().get(3).weight());
        // Unrounded: 6650 / 85 = 78.23529411764705882352941176470588 (34 digits)
        assertEquals(dec("78.23529411764705882352941176470588"), result.score());
    }

    @Test
    void noComponentWithDataGivesNoScore() {
        Composite.Result result = Composite.of(List.of(
                new Component("responsiveness", null, 30), new Component("resolution", null, 20),
                new Component("satisfaction", null, 35), new Component("knowledge", null, 15))).rounded();
        assertNull(result.score());
        assertEquals(List.of("null", "null", "null", "null"), shown(result.components(), true));
    }

    @Test
    void theScoreIsComputedFromUnroundedComponents() {
        // responsiveness 1/3 = 33.333...% (weight 30), knowledge 0.2 % (weight 10):
        // (30 * 100/3 + 10 * 0.2) / 40 = (1000 + 2) / 40 = 25.05 exactly -> 25.1.
        // Rounding responsiveness first (33.3) would give (999 + 2) / 40 = 25.025 -> 25.0.
        Composite.Result result = Composite.of(List.of(
                new Component("responsiveness", Percent.of(1, 3), 30), new Component("knowledge", dec("0.2"), 10)));
        assertEquals(dec("25.1"), result.rounded().score());
        assertEquals(List.of("75.0", "25.0"), shown(result.rounded().components(), true));
    }

    @Test
    void componentsWithDataButNoWeightGiveNoScore() {
        Composite.Result result = Composite.of(List.of(
                new Component("satisfaction", dec("70"), 0), new Component("knowledge", null, 15)));
        assertNull(result.score());
        assertEquals(0, BigDecimal.ZERO.compareTo(result.components().get(0).effectiveWeight()));
        assertNull(result.components().get(1).effectiveWeight());
    }
}
