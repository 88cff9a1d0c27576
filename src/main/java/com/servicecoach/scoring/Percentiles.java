package com.servicecoach.scoring;

import java.util.Arrays;

/**
 * Nearest-rank percentiles (metrics.md, "Percentiles"): for v1 <= ... <= vn the p-th percentile is v_k
 * with k = ceil(p/100 * n), computed in integer arithmetic. The median is p50. Exact: no sampling.
 */
public final class Percentiles {

    private static final int SMALL = 16;

    private Percentiles() {
    }

    /** The p-th percentile (1 <= p <= 100) of an array sorted ascending; null when it is empty. */
    public static Long nearestRank(long[] sortedAscending, int p) {
        int k = rank(p, sortedAscending.length);
        return k == 0 ? null : sortedAscending[k - 1];
    }

    /**
     * The p-th percentile of the first {@code count} values of an unsorted array, found by selection
     * (expected linear time) instead of a full sort; null when {@code count} is 0. The first {@code count}
     * values are reordered.
     */
    public static Long nearestRankInPlace(long[] values, int count, int p) {
        if (count < 0 || count > values.length) {
            throw new IllegalArgumentException("count " + count + " is outside the array");
        }
        int k = rank(p, count);
        return k == 0 ? null : select(values, 0, count, k - 1);
    }

    /** k = ceil(p * n / 100), 0 when n is 0. */
    private static int rank(int p, int n) {
        return (int) rank(p, (long) n);
    }

    /** k = ceil(p * n / 100), 0 when n is 0. */
    static long rank(int p, long n) {
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("percentile must be between 1 and 100, was " + p);
        }
        return (p * n + 99) / 100;
    }

    /**
     * The value that would be at {@code index} if {@code a[lo..hi)} were sorted: quickselect with a
     * median-of-three pivot and Hoare partitioning (balanced even when many durations are equal), falling
     * back to a sort when the partitions shrink too slowly.
     */
    private static long select(long[] a, int lo, int hi, int index) {
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo)) + 8;
        while (hi - lo > SMALL && budget-- > 0) {
            swap(a, lo, medianOfThree(a, lo, lo + (hi - lo) / 2, hi - 1));
            long pivot = a[lo];
            int i = lo - 1;
            int j = hi;
            while (true) {
                do {
                    j--;
                } while (a[j] > pivot);
                do {
                    i++;
                } while (a[i] < pivot);
                if (i >= j) {
                    break;
                }
                swap(a, i, j);
            }
            // now a[lo..j] <= pivot <= a[j+1..hi), with lo <= j < hi - 1
            if (index <= j) {
                hi = j + 1;
            } else {
                lo = j + 1;
            }
        }
        Arrays.sort(a, lo, hi);
        return a[index];
    }

    private static int medianOfThree(long[] a, int x, int y, int z) {
        if (a[x] < a[y]) {
            return a[y] < a[z] ? y : (a[x] < a[z] ? z : x);
        }
        return a[x] < a[z] ? x : (a[y] < a[z] ? z : y);
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
