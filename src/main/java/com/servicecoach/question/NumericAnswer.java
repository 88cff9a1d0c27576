package com.servicecoach.question;

import java.math.BigDecimal;

/**
 * One answer of a numerical question. {@code 3:2} gives value 3, tolerance 2, min 1, max 5;
 * {@code 1..5} gives min 1, max 5, value 3 (the middle) and tolerance 2, with {@code range} true.
 * A catch-all answer ({@code *}, or {@code ~#feedback} without a number) has all four numbers null
 * and accepts every number.
 */
public record NumericAnswer(BigDecimal value, BigDecimal tolerance, BigDecimal min, BigDecimal max,
                            boolean range, BigDecimal fraction, String feedback, TextFormat feedbackFormat) {

    public boolean isCatchAll() {
        return min == null;
    }

    /** True when {@code x} lies within this answer's tolerance or range (bounds included). */
    public boolean accepts(BigDecimal x) {
        if (x == null) {
            return false;
        }
        return isCatchAll() || (x.compareTo(min) >= 0 && x.compareTo(max) <= 0);
    }
}
