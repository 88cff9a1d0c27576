package com.servicecoach.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When one exam taker saves during the exam load: an autosave every {@code period}, the first at a random moment
 * within the first period (takers did not all start typing at once), until {@code window} has passed since the
 * common start. With the benchmark's 60 s window and 30 s period that is two saves each, spread evenly.
 */
final class SaveSchedule {

    private SaveSchedule() {
    }

    /** The save times of one taker, in milliseconds after the common start, ascending, each below {@code windowMs}. */
    static List<Long> offsets(Random random, long windowMs, long periodMs) {
        if (windowMs <= 0 || periodMs <= 0) {
            throw new IllegalArgumentException("the window and the period must be positive");
        }
        List<Long> out = new ArrayList<>();
        for (long t = (long) (random.nextDouble() * Math.min(periodMs, windowMs)); t < windowMs; t += periodMs) {
            out.add(t);
        }
        return out;
    }

    /**
     * The schedules of {@code takers} takers, each from its own generator seeded by one master generator of
     * {@code seed}. (Seeding each with {@code seed + taker} would not do: {@code java.util.Random}'s first values
     * for neighbouring seeds lie close together, and every taker would save in the same few seconds.)
     */
    static List<List<Long>> forTakers(int takers, long seed, long windowMs, long periodMs) {
        Random master = new Random(seed);
        List<List<Long>> out = new ArrayList<>(takers);
        for (int i = 0; i < takers; i++) {
            out.add(offsets(new Random(master.nextLong()), windowMs, periodMs));
        }
        return out;
    }
}
