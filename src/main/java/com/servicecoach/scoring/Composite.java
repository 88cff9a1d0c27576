package com.servicecoach.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The composite score (metrics.md, "Composite score"): a 0-100 weighted mean of the components that have
 * data. A missing component (null value) is left out and the remaining weights are scaled up to sum to 100.
 * It is computed from the unrounded components: products and sums exactly, one final division to 34
 * significant digits.
 *
 * <p>If every component with data has weight 0 there is nothing to scale: the score is null and their
 * effective weights are 0.
 */
public final class Composite {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL128;

    private Composite() {
    }

    /** One input: a component's unrounded value (null when it has no data) and its configured weight. */
    public record Component(String name, BigDecimal value, int weight) {
        public Component {
            Objects.requireNonNull(name, "component name is required");
            if (weight < 0) {
                throw new IllegalArgumentException("weight of " + name + " must not be negative, was " + weight);
            }
        }
    }

    /**
     * One output component, as in the scorecard JSON.
     *
     * @param effectiveWeight the weight after leaving out components without data, out of 100; null when
     *                        this component has no data
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WeightedComponent(String name, BigDecimal value, int weight, BigDecimal effectiveWeight) {
    }

    /**
     * The composite: {@code score} null when no component has data.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Result(BigDecimal score, List<WeightedComponent> components) {
        public Result {
            components = List.copyOf(components);
        }

        /** The same figures rounded for display: score, values and effective weights to one decimal. */
        public Result rounded() {
            List<WeightedComponent> shown = new ArrayList<>(components.size());
            for (WeightedComponent c : components) {
                shown.add(new WeightedComponent(c.name(), Rounding.percent(c.value()), c.weight(),
                        Rounding.percent(c.effectiveWeight())));
            }
            return new Result(Rounding.percent(score), shown);
        }
    }

    /** The weighted mean of the components with data, with each component's effective weight. */
    public static Result of(List<Component> components) {
        long totalWeight = 0;
        BigDecimal weightedSum = BigDecimal.ZERO;
        for (Component c : components) {
            if (c.value() != null) {
                totalWeight += c.weight();
                weightedSum = weightedSum.add(c.value().multiply(BigDecimal.valueOf(c.weight())));
            }
        }
        BigDecimal total = BigDecimal.valueOf(totalWeight);
        List<WeightedComponent> out = new ArrayList<>(components.size());
        for (Component c : components) {
            BigDecimal effective = null;
            if (c.value() != null) {
                effective = totalWeight == 0
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(c.weight()).multiply(HUNDRED).divide(total, MC);
            }
            out.add(new WeightedComponent(c.name(), c.value(), c.weight(), effective));
        }
        BigDecimal score = totalWeight == 0 ? null : weightedSum.divide(total, MC);
        return new Result(score, out);
    }
}
