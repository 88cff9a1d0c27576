package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * QA review scores (metrics.md, "Quality reviews"). A scorecard's criteria each have points and may be
 * critical. A criterion fails when it earns less than its full points; N/A neither passes nor fails. A
 * review's score % = points earned / points possible × 100 over the criteria not marked N/A, or 0 when a
 * critical criterion fails; a review with every criterion N/A has no score (null) and is left out of means.
 *
 * <p>Figures are unrounded (34 significant digits); round them with {@link Rounding#percent(BigDecimal)}.
 */
public final class QaScore {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL128;

    private QaScore() {
    }

    /**
     * One criterion of one review.
     *
     * @param criterion the criterion's name
     * @param points    the points earned, 0 to {@code maxPoints}; null when the criterion is marked N/A
     * @param maxPoints the criterion's full points, at least 1
     * @param critical  whether failing it makes the whole review 0
     */
    public record Mark(String criterion, Integer points, int maxPoints, boolean critical) {
        public Mark {
            Objects.requireNonNull(criterion, "criterion is required");
            if (maxPoints < 1) {
                throw new IllegalArgumentException(
                        "maximum points of " + criterion + " must be at least 1, was " + maxPoints);
            }
            if (points != null && (points < 0 || points > maxPoints)) {
                throw new IllegalArgumentException("points of " + criterion + " must be between 0 and "
                        + maxPoints + ", was " + points);
            }
        }

        /** Whether the criterion is marked N/A. */
        public boolean na() {
            return points == null;
        }

        /** Whether the criterion earns less than its full points (never when N/A). */
        public boolean fails() {
            return points != null && points < maxPoints;
        }

        /** Whether the criterion earns its full points (never when N/A). */
        public boolean passes() {
            return points != null && points == maxPoints;
        }
    }

    /**
     * A review's score %: earned / possible × 100 over the marks not N/A, unrounded; 0 when a critical mark
     * fails; null when there is no mark or every mark is N/A.
     */
    public static BigDecimal of(List<Mark> marks) {
        long earned = 0;
        long possible = 0;
        boolean criticalFailed = false;
        for (Mark m : marks) {
            if (m.na()) {
                continue;
            }
            earned += m.points();
            possible += m.maxPoints();
            criticalFailed |= m.critical() && m.fails();
        }
        return ofTotals(earned, possible, criticalFailed);
    }

    /**
     * A review's score % from its totals over the criteria not N/A, as {@link #of} computes it: null when nothing was
     * possible (every criterion N/A), 0 when a critical criterion failed, else earned / possible x 100, unrounded. The
     * stored reviews keep these totals, so the figures need not read every mark.
     */
    public static BigDecimal ofTotals(Long earned, Long possible, boolean criticalFailed) {
        if (possible == null || possible == 0) {
            return null;
        }
        if (criticalFailed) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(earned).multiply(HUNDRED).divide(BigDecimal.valueOf(possible), MC);
    }

    /** {@link #ofTotals(Long, Long, boolean)} of stored whole numbers. */
    public static BigDecimal ofTotals(Integer earned, Integer possible, boolean criticalFailed) {
        return ofTotals(earned == null ? null : earned.longValue(), possible == null ? null : possible.longValue(), criticalFailed);
    }

    /** The mean of the scores that exist (nulls are left out), unrounded; null when there is none. */
    public static BigDecimal mean(Collection<BigDecimal> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        long count = 0;
        for (BigDecimal s : scores) {
            if (s != null) {
                sum = sum.add(s);
                count++;
            }
        }
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), MC);
    }

    /**
     * How often a criterion fails: failed / applicable × 100 (applicable = its marks not N/A), unrounded;
     * null when it never applied.
     */
    public static BigDecimal failureRate(long failed, long applicable) {
        if (failed < 0 || failed > applicable) {
            throw new IllegalArgumentException(
                    "need 0 <= failed <= applicable, got " + failed + " of " + applicable);
        }
        return Percent.of(failed, applicable);
    }
}
