package com.servicecoach.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * How an agent's attempts at one assessment make one result: the highest score, the latest attempt's,
 * the first attempt's, or the mean of all. Plain Java.
 */
public enum GradingMethod {
    HIGHEST, LATEST, FIRST, AVERAGE;

    /** Scale of a computed mean; percentages are only rounded when shown. */
    static final int SCALE = 10;

    /** The method named in module.yml ({@code highest}, ...); highest when unknown (metrics.md's default). */
    public static GradingMethod of(String name) {
        if (name == null) {
            return HIGHEST;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return HIGHEST;
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The result of scores listed in the order the attempts were made; null when there are none.
     */
    public BigDecimal grade(List<BigDecimal> scoresInOrder) {
        if (scoresInOrder == null || scoresInOrder.isEmpty()) {
            return null;
        }
        return switch (this) {
            case HIGHEST -> scoresInOrder.stream().max(BigDecimal::compareTo).orElseThrow();
            case LATEST -> scoresInOrder.get(scoresInOrder.size() - 1);
            case FIRST -> scoresInOrder.get(0);
            case AVERAGE -> scoresInOrder.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(scoresInOrder.size()), SCALE, RoundingMode.HALF_UP);
        };
    }
}
