package com.servicecoach.scoring;

import java.util.Arrays;

/**
 * A multiset of durations in whole seconds, kept as each distinct value with its count (an open-addressing
 * hash table), so that merging the days of a year for a thousand agents costs memory in proportion to the
 * distinct durations, not to the contacts. Nearest-rank percentiles over it are exact (metrics.md,
 * "Percentiles"): the distinct values are sorted and their counts walked.
 */
public final class Durations {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] counts;
    private int distinct;
    private long size;

    public Durations() {
        this(8);
    }

    public Durations(int expectedDistinct) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedDistinct * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
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
            grow();
        }
        int i = slot(seconds);
        if (keys[i] == EMPTY) {
            keys[i] = seconds;
            distinct++;
        }
        counts[i] += count;
        size += count;
    }

    public void addAll(Durations other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != EMPTY) {
                add(other.keys[i], other.counts[i]);
            }
        }
    }

    /** Takes away one occurrence of {@code seconds}; false when there is none. */
    public boolean removeOne(long seconds) {
        if (seconds < 0) {
            return false;
        }
        int i = slot(seconds);
        if (keys[i] == EMPTY || counts[i] == 0) {
            return false;
        }
        counts[i]--;
        size--;
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
        long n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && keys[i] <= limit) {
                n += counts[i];
            }
        }
        return n;
    }

    /** The nearest-rank p-th percentile (1 <= p <= 100), null when empty. */
    public Long percentile(int p) {
        long k = Percentiles.rank(p, size);
        if (k == 0) {
            return null;
        }
        long[] values = sortedDistinct();
        long seen = 0;
        for (long v : values) {
            seen += counts[slot(v)];
            if (seen >= k) {
                return v;
            }
        }
        throw new IllegalStateException("rank " + k + " beyond " + size);
    }

    /** The distinct durations present (count above 0), ascending. */
    public long[] sortedDistinct() {
        long[] values = new long[distinct];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] > 0) {
                values[n++] = keys[i];
            }
        }
        values = n == values.length ? values : Arrays.copyOf(values, n);
        Arrays.sort(values);
        return values;
    }

    /** How many times {@code seconds} occurs. */
    public int count(long seconds) {
        if (seconds < 0) {
            return 0;
        }
        int i = slot(seconds);
        return keys[i] == EMPTY ? 0 : counts[i];
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        counts = new int[keys.length];
        distinct = 0;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldCounts[i] > 0) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }
}
