package com.servicecoach.scoring;

import java.util.Arrays;

/**
 * A multiset of durations in whole seconds, kept as each distinct value with its count (an open-addressing
 * hash table), so that merging the days of a year for a thousand agents costs memory in proportion to the
 * distinct durations, not to the contacts. Nearest-rank percentiles over it are exact (metrics.md,
 * "Percentiles"): the distinct values are sorted (once, until the next change) and their counts walked.
 *
 * <p>A slot holds {@code seconds + 1}, so that 0 marks an empty slot and a new table needs no filling; merging
 * makes room for both tables at once, so adding the days of a period does not rehash again and again (the
 * profile of a year's report showed a third of its time there).
 */
public final class Durations {

    private static final long EMPTY = 0;

    private long[] keys;
    private int[] counts;
    private int distinct;
    private long size;
    /** The distinct values present, ascending, with their counts: built on first need, dropped by any change. */
    private long[] sortedValues;
    private long[] sortedCounts;

    public Durations() {
        this(8);
    }

    public Durations(int expectedDistinct) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedDistinct * 2 - 1)) << 1;
        keys = new long[capacity];
        counts = new int[capacity];
    }

    public void add(long seconds) {
        add(seconds, 1);
    }

    public void add(long seconds, int count) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a duration cannot be negative: " + seconds);
        }
        if (count <= 0) {
            return;
        }
        if ((distinct + 1) * 2 > keys.length) {
            grow(keys.length * 2);
        }
        put(seconds + 1, count);
    }

    private void put(long stored, int count) {
        sortedValues = null;
        int i = slot(stored);
        if (keys[i] == EMPTY) {
            keys[i] = stored;
            distinct++;
        }
        counts[i] += count;
        size += count;
    }

    public void addAll(Durations other) {
        if (other.size == 0) {
            return;
        }
        if (size == 0 && distinct == 0) {
            keys = other.keys.clone();
            counts = other.counts.clone();
            distinct = other.distinct;
            size = other.size;
            sortedValues = null;
            return;
        }
        int needed = (distinct + other.distinct) * 2;
        if (needed > keys.length) {
            grow(Integer.highestOneBit(needed - 1) << 1);
        }
        long[] k = other.keys;
        int[] c = other.counts;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != EMPTY && c[i] > 0) {
                put(k[i], c[i]);
            }
        }
    }

    /** Takes away one occurrence of {@code seconds}; false when there is none. */
    public boolean removeOne(long seconds) {
        if (seconds < 0) {
            return false;
        }
        int i = slot(seconds + 1);
        if (keys[i] == EMPTY || counts[i] == 0) {
            return false;
        }
        counts[i]--;
        size--;
        sortedValues = null;
        return true;
    }

    /** How many durations the multiset holds. */
    public long size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** How many durations are at most {@code limit}. */
    public long countAtMost(long limit) {
        sort();
        long n = 0;
        for (int i = 0; i < sortedValues.length && sortedValues[i] <= limit; i++) {
            n += sortedCounts[i];
        }
        return n;
    }

    /** The nearest-rank p-th percentile (1 <= p <= 100), null when empty. */
    public Long percentile(int p) {
        long k = Percentiles.rank(p, size);
        if (k == 0) {
            return null;
        }
        sort();
        long seen = 0;
        for (int i = 0; i < sortedValues.length; i++) {
            seen += sortedCounts[i];
            if (seen >= k) {
                return sortedValues[i];
            }
        }
        throw new IllegalStateException("rank " + k + " beyond " + size);
    }

    /** The distinct durations present (count above 0), ascending. */
    public long[] sortedDistinct() {
        sort();
        return sortedValues.clone();
    }

    /** How many times {@code seconds} occurs. */
    public int count(long seconds) {
        if (seconds < 0) {
            return 0;
        }
        int i = slot(seconds + 1);
        return keys[i] == EMPTY ? 0 : counts[i];
    }

    private void sort() {
        if (sortedValues != null) {
            return;
        }
        long[] values = new long[distinct];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] > 0) {
                values[n++] = keys[i];
            }
        }
        values = n == values.length ? values : Arrays.copyOf(values, n);
        Arrays.sort(values);
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            c[i] = counts[slot(values[i])];
            values[i]--;
        }
        sortedCounts = c;
        sortedValues = values;
    }

    private int slot(long stored) {
        int mask = keys.length - 1;
        int i = Long.hashCode(stored * 0x9E3779B97F4A7C15L) & mask;
        while (keys[i] != EMPTY && keys[i] != stored) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow(int capacity) {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[capacity];
        counts = new int[capacity];
        distinct = 0;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldCounts[i] > 0) {
                put(oldKeys[i], oldCounts[i]);
            }
        }
    }
}
