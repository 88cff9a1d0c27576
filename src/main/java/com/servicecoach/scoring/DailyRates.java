package com.servicecoach.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * One agent's daily counts of one rate figure (an SLA or CSAT, overall or on one slice) over a range of days,
 * from which the figure over any window of those days is read in constant time (training impact reads many
 * windows of every agent):
 * <ul>
 *   <li>closed records: per day, the successes (SLA met; ratings of 7+) and the records counted (met + breached;
 *   ratings). These do not depend on when the figure is evaluated.</li>
 *   <li>open contacts (SLA only): not yet answered or resolved, so pending or breached depending on the evaluation
 *   instant of the window ({@link Sla#evaluationInstant}: the end of its last day, or now). Each is kept with the
 *   first day at whose evaluation it is breached; over a window ending on day e it counts as breached when that
 *   day is not after e, and is left out (pending) otherwise, exactly as a scorecard of the window would count it.</li>
 * </ul>
 */
public final class DailyRates {

    /** An open contact that is not breached at the evaluation of any day of the range. */
    public static final int NEVER = Integer.MAX_VALUE;

    private final LocalDate first;
    private final int[] successes;
    private final int[] counted;
    private int[] openDay = new int[0];
    private int[] openBreachDay = new int[0];
    private int open;
    private long[] prefixSuccesses;
    private long[] prefixCounted;

    public DailyRates(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last " + last + " is before first " + first);
        }
        this.first = first;
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        this.successes = new int[days];
        this.counted = new int[days];
    }

    public LocalDate first() {
        return first;
    }

    public LocalDate last() {
        return first.plusDays(successes.length - 1L);
    }

    /** Adds closed records of a day of the range (days outside it are ignored). */
    public void add(LocalDate day, int successes, int counted) {
        int i = index(day);
        if (i < 0 || i >= this.successes.length) {
            return;
        }
        if (successes < 0 || counted < successes) {
            throw new IllegalArgumentException("successes " + successes + " of " + counted);
        }
        this.successes[i] += successes;
        this.counted[i] += counted;
        prefixSuccesses = null;
    }

    /** Adds an open contact created on {@code day}, breached from the evaluation of {@code breachedFrom} on (null: never). */
    public void addOpen(LocalDate day, LocalDate breachedFrom) {
        int i = index(day);
        if (i < 0 || i >= successes.length) {
            return;
        }
        if (open == openDay.length) {
            openDay = Arrays.copyOf(openDay, Math.max(8, open * 2));
            openBreachDay = Arrays.copyOf(openBreachDay, Math.max(8, open * 2));
        }
        openDay[open] = i;
        openBreachDay[open] = breachedFrom == null ? NEVER : Math.max(i, index(breachedFrom));
        open++;
        openSorted = false;
    }

    /** The successes and the records counted over from..to (inclusive; clipped to the range). */
    public Counts window(LocalDate from, LocalDate to) {
        int a = Math.max(0, index(from));
        int e = Math.min(successes.length - 1, index(to));
        if (a > e) {
            return new Counts(0, 0);
        }
        if (prefixSuccesses == null) {
            prefixSuccesses = new long[successes.length + 1];
            prefixCounted = new long[successes.length + 1];
            for (int i = 0; i < successes.length; i++) {
                prefixSuccesses[i + 1] = prefixSuccesses[i] + successes[i];
                prefixCounted[i + 1] = prefixCounted[i] + counted[i];
            }
        }
        long s = prefixSuccesses[e + 1] - prefixSuccesses[a];
        long n = prefixCounted[e + 1] - prefixCounted[a];
        int endOfWindow = index(to);
        sortOpen();
        for (int k = firstOpenOnOrAfter(a); k < open && openDay[k] <= e; k++) {
            if (openBreachDay[k] <= endOfWindow) {
                n++;
            }
        }
        return new Counts(s, n);
    }

    private boolean openSorted = true;

    /** Orders the open contacts by their day (once after additions), so a window finds its own by binary search. */
    private void sortOpen() {
        if (openSorted) {
            return;
        }
        long[] packed = new long[open];
        for (int k = 0; k < open; k++) {
            packed[k] = ((long) openDay[k] << 32) | (openBreachDay[k] & 0xffffffffL);
        }
        Arrays.sort(packed);
        for (int k = 0; k < open; k++) {
            openDay[k] = (int) (packed[k] >> 32);
            openBreachDay[k] = (int) packed[k];
        }
        openSorted = true;
    }

    private int firstOpenOnOrAfter(int day) {
        int lo = 0;
        int hi = open;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (openDay[mid] < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int index(LocalDate day) {
        long i = ChronoUnit.DAYS.between(first, day);
        return (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, i));
    }

    /** A figure's successes out of the records it counts; its value is successes / counted × 100. */
    public record Counts(long successes, long counted) {
    }
}
