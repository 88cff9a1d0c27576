package com.servicecoach.scoring;

import java.util.Arrays;

/** A growable list of primitive longs (durations in seconds, instants in nanoseconds): no boxing. */
public final class LongList {

    private long[] values;
    private int size;

    public LongList() {
        this(8);
    }

    public LongList(int capacity) {
        values = new long[Math.max(1, capacity)];
    }

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    public void addAll(LongList other) {
        ensure(size + other.size);
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    /** Removes one occurrence of {@code value}; false when it is not in the list. */
    public boolean removeOne(long value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                values[i] = values[--size];
                return true;
            }
        }
        return false;
    }

    public long get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[index];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** A sorted copy of the values. */
    public long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    private void ensure(int capacity) {
        if (capacity > values.length) {
            values = Arrays.copyOf(values, Math.max(capacity, values.length * 2));
        }
    }
}
