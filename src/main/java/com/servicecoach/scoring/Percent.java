package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Unrounded percentages (metrics.md, "Rounding": computed exactly, rounded only when shown). A share
 * k/n × 100 is kept to 34 significant digits (exact whenever it terminates within them).
 */
public final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** part / whole × 100, unrounded; null when {@code whole} is 0. */
    public static BigDecimal of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL128);
    }
}
