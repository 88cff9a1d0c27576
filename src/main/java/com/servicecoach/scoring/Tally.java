package com.servicecoach.scoring;

import java.time.Instant;
import java.util.List;

/**
 * What a scorecard needs of a set of interactions, kept so that tallies of days, agents or teams can be
 * merged without losing exactness (metrics.md): per channel, the number of interactions, every first-response
 * and resolution duration in whole seconds on the channel's calendar, the count of each rating 1-10, and the
 * creation instants of the contacts still unanswered or unresolved (whose SLA state depends on the
 * evaluation instant, so it is decided only when the figures are computed).
 *
 * <p>Durations are kept as distinct values with counts ({@link Durations}), so a merged tally grows with
 * the distinct durations rather than the contacts. Durations depend on the calendars (and the day a contact belongs to on the organization's zone), not on
 * the SLA targets: targets are applied when the figures are computed. A tally is built either from raw
 * interactions ({@link #of}) or by merging stored tallies of days ({@link #addAll}); both give the same
 * figures.
 */
public final class Tally {

    private static final int CHANNELS = Channel.values().length;

    private final int[] interactions = new int[CHANNELS];
    private final Durations[] firstResponses = durations();
    private final Durations[] resolutions = durations();
    private final int[][] ratings = new int[CHANNELS][11];
    private final LongList[] unanswered = lists();
    private final LongList[] unresolved = lists();

    private static Durations[] durations() {
        Durations[] d = new Durations[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            d[i] = new Durations(4);
        }
        return d;
    }

    private static LongList[] lists() {
        LongList[] lists = new LongList[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            lists[i] = new LongList(4);
        }
        return lists;
    }

    /** The tally of raw interactions, with durations measured on the settings' calendars. */
    public static Tally of(List<InteractionFacts> facts, ScoringSettings settings) {
        Tally tally = new Tally();
        BusinessCalendar[] calendars = new BusinessCalendar[CHANNELS];
        for (Channel c : Channel.values()) {
            calendars[c.ordinal()] = settings.calendar(c);
        }
        for (InteractionFacts f : facts) {
            tally.add(Contribution.of(f, calendars[f.channel().ordinal()]));
        }
        return tally;
    }

    /**
     * What one interaction adds to a tally.
     *
     * @param firstResponseSeconds null while unanswered
     * @param resolutionSeconds    null while unresolved
     * @param rating10             null when not rated
     * @param createdNanos         created_at in nanoseconds since the epoch
     */
    public record Contribution(Channel channel, Long firstResponseSeconds, Long resolutionSeconds, Integer rating10,
                               long createdNanos) {

        public static Contribution of(InteractionFacts f, BusinessCalendar calendar) {
            Instant created = f.createdAt();
            Long frt = f.firstResponseAt() == null ? null : calendar.openSeconds(created, f.firstResponseAt());
            Long resolution = f.resolvedAt() == null ? null : calendar.openSeconds(created, f.resolvedAt());
            return new Contribution(f.channel(), frt, resolution, f.rating10(), nanos(created));
        }
    }

    public void add(Contribution c) {
        int ch = c.channel().ordinal();
        interactions[ch]++;
        if (c.firstResponseSeconds() != null) {
            firstResponses[ch].add(c.firstResponseSeconds());
        } else {
            unanswered[ch].add(c.createdNanos());
        }
        if (c.resolutionSeconds() != null) {
            resolutions[ch].add(c.resolutionSeconds());
        } else {
            unresolved[ch].add(c.createdNanos());
        }
        if (c.rating10() != null) {
            ratings[ch][c.rating10()]++;
        }
    }

    /**
     * Takes away what {@link #add} added for the same contribution (a re-imported interaction that changed).
     *
     * @throws IllegalStateException when the tally does not hold it: the tally and the rows disagree
     */
    public void remove(Contribution c) {
        int ch = c.channel().ordinal();
        boolean held = interactions[ch] > 0
                && (c.firstResponseSeconds() != null ? firstResponses[ch].removeOne(c.firstResponseSeconds())
                : unanswered[ch].removeOne(c.createdNanos()))
                && (c.resolutionSeconds() != null ? resolutions[ch].removeOne(c.resolutionSeconds())
                : unresolved[ch].removeOne(c.createdNanos()))
                && (c.rating10() == null || ratings[ch][c.rating10()] > 0);
        if (!held) {
            throw new IllegalStateException("the tally does not hold " + c);
        }
        interactions[ch]--;
        if (c.rating10() != null) {
            ratings[ch][c.rating10()]--;
        }
    }

    public void addAll(Tally other) {
        for (int ch = 0; ch < CHANNELS; ch++) {
            interactions[ch] += other.interactions[ch];
            firstResponses[ch].addAll(other.firstResponses[ch]);
            resolutions[ch].addAll(other.resolutions[ch]);
            unanswered[ch].addAll(other.unanswered[ch]);
            unresolved[ch].addAll(other.unresolved[ch]);
            for (int r = 1; r <= 10; r++) {
                ratings[ch][r] += other.ratings[ch][r];
            }
        }
    }

    /** Only the given channel's part of this tally (a new tally). */
    public Tally channel(Channel channel) {
        Tally part = new Tally();
        int ch = channel.ordinal();
        part.interactions[ch] = interactions[ch];
        part.firstResponses[ch].addAll(firstResponses[ch]);
        part.resolutions[ch].addAll(resolutions[ch]);
        part.unanswered[ch].addAll(unanswered[ch]);
        part.unresolved[ch].addAll(unresolved[ch]);
        System.arraycopy(ratings[ch], 0, part.ratings[ch], 0, 11);
        return part;
    }

    public int interactions() {
        int n = 0;
        for (int v : interactions) {
            n += v;
        }
        return n;
    }

    public int interactions(Channel c) {
        return interactions[c.ordinal()];
    }

    public boolean isEmpty() {
        return interactions() == 0;
    }

    /** First-response times of the answered contacts, in seconds on the channel's calendar. */
    public Durations firstResponses(Channel c) {
        return firstResponses[c.ordinal()];
    }

    /** Resolution times of the resolved contacts, in seconds on the channel's calendar. */
    public Durations resolutions(Channel c) {
        return resolutions[c.ordinal()];
    }

    /** Creation instants (epoch nanoseconds) of the contacts without a first response. */
    public LongList unanswered(Channel c) {
        return unanswered[c.ordinal()];
    }

    /** Creation instants (epoch nanoseconds) of the contacts not resolved. */
    public LongList unresolved(Channel c) {
        return unresolved[c.ordinal()];
    }

    /** How many ratings of {@code value} (1-10) the channel has. */
    public int ratings(Channel c, int value) {
        return ratings[c.ordinal()][value];
    }

    /**
     * The tally as compact bytes (how a day's tally is stored): per channel the number of interactions,
     * then (when there are any) each list sorted and written as variable-length deltas, and the rating
     * counts. {@link #decodeInto} reads them back exactly.
     */
    public byte[] encode() {
        VarBytes out = new VarBytes();
        out.write(FORMAT);
        for (int ch = 0; ch < CHANNELS; ch++) {
            out.writeUnsigned(interactions[ch]);
            if (interactions[ch] == 0) {
                continue;
            }
            writeCounts(out, firstResponses[ch]);
            writeCounts(out, resolutions[ch]);
            writeSorted(out, unanswered[ch]);
            writeSorted(out, unresolved[ch]);
            int present = 0;
            for (int r = 1; r <= 10; r++) {
                if (ratings[ch][r] > 0) {
                    present |= 1 << r;
                }
            }
            out.writeUnsigned(present);
            for (int r = 1; r <= 10; r++) {
                if (ratings[ch][r] > 0) {
                    out.writeUnsigned(ratings[ch][r]);
                }
            }
        }
        return out.toArray();
    }

    /** Adds the tally that {@link #encode} wrote to {@code target}. */
    public static void decodeInto(byte[] bytes, Tally target) {
        VarBytes.Reader in = new VarBytes.Reader(bytes);
        int format = in.read();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown tally format " + format);
        }
        for (int ch = 0; ch < CHANNELS; ch++) {
            int n = (int) in.readUnsigned();
            if (n == 0) {
                continue;
            }
            target.interactions[ch] += n;
            readCounts(in, target.firstResponses[ch]);
            readCounts(in, target.resolutions[ch]);
            readSorted(in, target.unanswered[ch]);
            readSorted(in, target.unresolved[ch]);
            int present = (int) in.readUnsigned();
            for (int r = 1; r <= 10; r++) {
                if ((present & (1 << r)) != 0) {
                    target.ratings[ch][r] += (int) in.readUnsigned();
                }
            }
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException("trailing bytes after a tally");
        }
    }

    public static Tally decode(byte[] bytes) {
        Tally tally = new Tally();
        decodeInto(bytes, tally);
        return tally;
    }

    private static final int FORMAT = 1;

    private static void writeCounts(VarBytes out, Durations durations) {
        long[] values = durations.sortedDistinct();
        out.writeUnsigned(values.length);
        long previous = 0;
        for (long v : values) {
            out.writeUnsigned(v - previous);
            out.writeUnsigned(durations.count(v));
            previous = v;
        }
    }

    private static void readCounts(VarBytes.Reader in, Durations into) {
        int n = (int) in.readUnsigned();
        long value = 0;
        for (int i = 0; i < n; i++) {
            value += in.readUnsigned();
            into.add(value, (int) in.readUnsigned());
        }
    }

    private static void writeSorted(VarBytes out, LongList list) {
        long[] sorted = list.sorted();
        out.writeUnsigned(sorted.length);
        long previous = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0) {
                out.writeSigned(sorted[0]);
            } else {
                out.writeUnsigned(sorted[i] - previous);
            }
            previous = sorted[i];
        }
    }

    private static void readSorted(VarBytes.Reader in, LongList into) {
        int n = (int) in.readUnsigned();
        long value = 0;
        for (int i = 0; i < n; i++) {
            value = i == 0 ? in.readSigned() : value + in.readUnsigned();
            into.add(value);
        }
    }

    public static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
