package com.servicecoach.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * Classical item analysis over finished attempts. Plain Java.
 *
 * <ul>
 *   <li>facility index = mean score of the question / its maximum score (1 = everybody got it right);</li>
 *   <li>discrimination index = Pearson's correlation between the question's score and the rest of the test
 *   (the attempt's total minus this question's score), over the attempts that had the question; undefined
 *   (null) for fewer than two attempts or when either side does not vary;</li>
 *   <li>flags: facility above 0.95 ({@link #TOO_EASY}), below 0.2 ({@link #TOO_HARD}), discrimination
 *   below 0 ({@link #NEGATIVE}).</li>
 * </ul>
 */
public final class ItemStatistics {

    public static final double EASY_ABOVE = 0.95;
    public static final double HARD_BELOW = 0.2;
    public static final String TOO_EASY = "too_easy";
    public static final String TOO_HARD = "too_hard";
    public static final String NEGATIVE = "negative_discrimination";

    private ItemStatistics() {
    }

    /** Mean score / maximum score; null without scores or without a positive maximum. */
    public static Double facility(double[] scores, double maxScore) {
        if (scores.length == 0 || maxScore <= 0) {
            return null;
        }
        double sum = 0;
        for (double s : scores) {
            sum += s;
        }
        return sum / scores.length / maxScore;
    }

    /**
     * Pearson's correlation between each attempt's score on the question and the rest of its test.
     *
     * @param item   the question's score in each attempt
     * @param totals each attempt's total score (the question included)
     */
    public static Double discrimination(double[] item, double[] totals) {
        if (item.length != totals.length) {
            throw new IllegalArgumentException("one total per score");
        }
        double[] rest = new double[item.length];
        for (int i = 0; i < item.length; i++) {
            rest[i] = totals[i] - item[i];
        }
        return pearson(item, rest);
    }

    /** Pearson's correlation coefficient; null for fewer than two pairs or when a side has no variance. */
    public static Double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx <= 1e-12 || syy <= 1e-12) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    public static List<String> flags(Double facility, Double discrimination) {
        List<String> out = new ArrayList<>();
        if (facility != null && facility > EASY_ABOVE) {
            out.add(TOO_EASY);
        }
        if (facility != null && facility < HARD_BELOW) {
            out.add(TOO_HARD);
        }
        if (discrimination != null && discrimination < 0) {
            out.add(NEGATIVE);
        }
        return out;
    }
}
