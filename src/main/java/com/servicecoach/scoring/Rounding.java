package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Display rounding (metrics.md, "Rounding"): half-up to one decimal for percentages (and weights), two for
 * the average rating, as a BigDecimal with exactly that scale (so JSON shows 83.3 and 100.0).
 *
 * <p>Shares of whole numbers are rounded from the exact rational (1 of 16 = 6.25 gives 6.3). An unrounded
 * BigDecimal (34 significant digits) is first rounded to 30 significant digits, so that a value that lies
 * exactly on a .x5 boundary in exact arithmetic, but was pushed a few units of the 34th digit below it by a
 * repeating decimal such as 100/3, still rounds up.
 */
public final class Rounding {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext GUARD = new MathContext(30, RoundingMode.HALF_UP);

    private Rounding() {
    }

    /** A percentage rounded half-up to one decimal; null stays null. */
    public static BigDecimal percent(BigDecimal unrounded) {
        return unrounded == null ? null : unrounded.round(GUARD).setScale(1, RoundingMode.HALF_UP);
    }

    /** part / whole × 100, rounded half-up to one decimal from the exact rational; null when whole is 0. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** An average rating rounded half-up to two decimals; null stays null. */
    public static BigDecimal rating(BigDecimal unrounded) {
        return unrounded == null ? null : unrounded.round(GUARD).setScale(2, RoundingMode.HALF_UP);
    }

    /** sum / count rounded half-up to two decimals from the exact rational; null when count is 0. */
    public static BigDecimal rating(long sum, long count) {
        if (count == 0) {
            return null;
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
