package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The 95% Wilson score interval of a proportion, without continuity correction, z = 1.959964
 * (metrics.md, "Customer ratings": the interval around CSAT %). Bounds are in percent, unrounded
 * (34 significant digits); round them with {@link Rounding#percent(BigDecimal)}.
 *
 * <p>For k successes out of n: center = (k + z²/2) / (n + z²) and
 * half-width = z · sqrt(k(n−k)/n + z²/4) / (n + z²).
 *
 * @param low  lower bound, percent
 * @param high upper bound, percent
 */
public record Wilson(BigDecimal low, BigDecimal high) {

    /** The normal quantile for 95% that metrics.md prescribes. */
    public static final BigDecimal Z = new BigDecimal("1.959964");

    private static final BigDecimal Z_SQUARED = Z.multiply(Z);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL128;

    /** The interval for {@code successes} out of {@code trials}; empty when there are no trials. */
    public static Optional<Wilson> interval(long successes, long trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        return interval(BigDecimal.valueOf(successes), trials);
    }

    /**
     * The interval for a proportion given as successes that need not be whole ({@code p x n}, as QA score % is:
     * metrics.md "Gaps"); empty when there are no trials.
     */
    public static Optional<Wilson> interval(BigDecimal successes, long trials) {
        if (trials < 0 || successes.signum() < 0 || successes.compareTo(BigDecimal.valueOf(trials)) > 0) {
            throw new IllegalArgumentException(
                    "need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return Optional.empty();
        }
        BigDecimal n = BigDecimal.valueOf(trials);
        BigDecimal k = successes;
        BigDecimal denominator = n.add(Z_SQUARED);
        BigDecimal center = k.add(Z_SQUARED.divide(BigDecimal.valueOf(2))).divide(denominator, MC);
        BigDecimal spread = k.multiply(n.subtract(k)).divide(n, MC).add(Z_SQUARED.divide(BigDecimal.valueOf(4)));
        BigDecimal half = Z.multiply(spread.sqrt(MC)).divide(denominator, MC);
        BigDecimal low = center.subtract(half).max(BigDecimal.ZERO);
        BigDecimal high = center.add(half).min(BigDecimal.ONE);
        return Optional.of(new Wilson(low.multiply(HUNDRED), high.multiply(HUNDRED)));
    }
}
