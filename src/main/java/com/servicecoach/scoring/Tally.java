package com.servicecoach.scoring;

import java.time.Instant;
import java.util.List;

/**
 * What a scorecard needs of a set of interactions, kept so that tallies of days, agents or teams can be
 * merged without losing exactness (metrics.md): per case type (channel, category and priority: a
 * {@link Cell}), the number of contacts handled and owned, every first-response and resolution duration in
 * whole seconds on the channel's calendar, the count of each rating 1-10, the creation instants of the
 * contacts still unanswered or unresolved (whose SLA state depends on the evaluation instant, so it is decided
 * only when the figures are computed), and the handovers and reopened contacts.
 *
 * <p>Owners (metrics.md "Owners"): a contact's first response, its rating and its count as an interaction
 * belong to the handling agent ({@code handled}); its resolution, its open time and its reopen count to the
 * owner ({@code owned}). A contact handed over is one {@link Contribution} to each side.
 *
 * <p>Durations are kept as distinct values with counts ({@link Durations}), so a merged tally grows with
 * the distinct durations rather than the contacts. Durations depend on the calendars (and the day a contact belongs to on the organization's zone), not on
 * the SLA targets: targets are applied when the figures are computed. A tally is built either from raw
 * interactions ({@link #of}) or by merging stored tallies of days ({@link #addAll}); both give the same
 * figures.
 */
public final class Tally {

    private static final int CHANNELS = Channel.values().length;
    private static final int CATEGORIES = Category.values().length;
    private static final int PRIORITIES = Priority.values().length;
    private static final int CELLS = CHANNELS * CATEGORIES * PRIORITIES;

    /** One case type's part of a tally. */
    public static final class Cell {
        private int handled;
        private int owned;
        private final Durations firstResponses = new Durations(4);
        private final Durations resolutions = new Durations(4);
        private final int[] ratings = new int[11];
        private final LongList unanswered = new LongList(4);
        private final LongList unresolved = new LongList(4);
        private int reopened;
        private int handedOver;
        private int received;

        /** Contacts handled (counted as interactions). */
        public int handled() {
            return handled;
        }

        /** Contacts owned (their resolution counts here). */
        public int owned() {
            return owned;
        }

        public Durations firstResponses() {
            return firstResponses;
        }

        public Durations resolutions() {
            return resolutions;
        }

        public int ratings(int value) {
            return ratings[value];
        }

        public LongList unanswered() {
            return unanswered;
        }

        public LongList unresolved() {
            return unresolved;
        }

        /** Owned, resolved contacts reopened at least once. */
        public int reopened() {
            return reopened;
        }

        /** Contacts handled here and owned by another agent. */
        public int handedOver() {
            return handedOver;
        }

        /** Contacts owned here and handled by another agent. */
        public int received() {
            return received;
        }

        void addAll(Cell o) {
            handled += o.handled;
            owned += o.owned;
            firstResponses.addAll(o.firstResponses);
            resolutions.addAll(o.resolutions);
            for (int r = 1; r <= 10; r++) {
                ratings[r] += o.ratings[r];
            }
            unanswered.addAll(o.unanswered);
            unresolved.addAll(o.unresolved);
            reopened += o.reopened;
            handedOver += o.handedOver;
            received += o.received;
        }
    }

    /** Visits the case types a tally holds. */
    @FunctionalInterface
    public interface CellVisitor {
        void cell(Channel channel, Category category, Priority priority, Cell cell);
    }

    private final Cell[] cells = new Cell[CELLS];

    private static int index(Channel ch, Category cat, Priority pri) {
        return (ch.ordinal() * CATEGORIES + cat.ordinal()) * PRIORITIES + pri.ordinal();
    }

    private Cell cell(int index) {
        Cell c = cells[index];
        if (c == null) {
            c = new Cell();
            cells[index] = c;
        }
        return c;
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
     * What one interaction adds to a tally: its handled part, its owned part, or both.
     *
     * @param firstResponseSeconds null while unanswered
     * @param resolutionSeconds    null while unresolved
     * @param rating10             null when not rated
     * @param createdNanos         created_at in nanoseconds since the epoch
     */
    public record Contribution(Channel channel, Category category, Priority priority, boolean handled, boolean owned,
                               Long firstResponseSeconds, Long resolutionSeconds, Integer rating10, long createdNanos,
                               boolean reopened) {

        /** A contact handled and owned by the same agent, of category other and normal priority, never reopened. */
        public Contribution(Channel channel, Long firstResponseSeconds, Long resolutionSeconds, Integer rating10, long createdNanos) {
            this(channel, Category.OTHER, Priority.NORMAL, true, true, firstResponseSeconds, resolutionSeconds, rating10, createdNanos, false);
        }

        public Contribution {
            if (!handled && !owned) {
                throw new IllegalArgumentException("a contribution is handled, owned or both");
            }
        }

        public static Contribution of(InteractionFacts f, BusinessCalendar calendar) {
            Instant created = f.createdAt();
            Long frt = !f.handled() || f.firstResponseAt() == null ? null : calendar.openSeconds(created, f.firstResponseAt());
            Long resolution = !f.owned() || f.resolvedAt() == null ? null : calendar.openSeconds(created, f.resolvedAt());
            return new Contribution(f.channel(), f.category(), f.priority(), f.handled(), f.owned(), frt, resolution,
                    f.handled() ? f.rating10() : null, nanos(created), f.reopened() > 0);
        }
    }

    public void add(Contribution c) {
        Cell cell = cell(index(c.channel(), c.category(), c.priority()));
        if (c.handled()) {
            cell.handled++;
            if (c.firstResponseSeconds() != null) {
                cell.firstResponses.add(c.firstResponseSeconds());
            } else {
                cell.unanswered.add(c.createdNanos());
            }
            if (c.rating10() != null) {
                cell.ratings[c.rating10()]++;
            }
            if (!c.owned()) {
                cell.handedOver++;
            }
        }
        if (c.owned()) {
            cell.owned++;
            if (c.resolutionSeconds() != null) {
                cell.resolutions.add(c.resolutionSeconds());
                if (c.reopened()) {
                    cell.reopened++;
                }
            } else {
                cell.unresolved.add(c.createdNanos());
            }
            if (!c.handled()) {
                cell.received++;
            }
        }
    }

    /**
     * Takes away what {@link #add} added for the same contribution (a re-imported interaction that changed).
     *
     * @throws IllegalStateException when the tally does not hold it: the tally and the rows disagree
     */
    public void remove(Contribution c) {
        Cell cell = cells[index(c.channel(), c.category(), c.priority())];
        boolean held = cell != null;
        if (held && c.handled()) {
            held = cell.handled > 0
                    && (c.firstResponseSeconds() != null ? cell.firstResponses.removeOne(c.firstResponseSeconds())
                    : cell.unanswered.removeOne(c.createdNanos()))
                    && (c.rating10() == null || cell.ratings[c.rating10()] > 0)
                    && (c.owned() || cell.handedOver > 0);
        }
        if (held && c.owned()) {
            held = cell.owned > 0
                    && (c.resolutionSeconds() != null ? cell.resolutions.removeOne(c.resolutionSeconds())
                    : cell.unresolved.removeOne(c.createdNanos()))
                    && (!c.reopened() || c.resolutionSeconds() == null || cell.reopened > 0)
                    && (c.handled() || cell.received > 0);
        }
        if (!held) {
            throw new IllegalStateException("the tally does not hold " + c);
        }
        if (c.handled()) {
            cell.handled--;
            if (c.rating10() != null) {
                cell.ratings[c.rating10()]--;
            }
            if (!c.owned()) {
                cell.handedOver--;
            }
        }
        if (c.owned()) {
            cell.owned--;
            if (c.reopened() && c.resolutionSeconds() != null) {
                cell.reopened--;
            }
            if (!c.handled()) {
                cell.received--;
            }
        }
    }

    public void addAll(Tally other) {
        for (int i = 0; i < CELLS; i++) {
            if (other.cells[i] != null) {
                cell(i).addAll(other.cells[i]);
            }
        }
    }

    /** Only the given channel's part of this tally (a new tally). */
    public Tally channel(Channel channel) {
        return part((ch, cat, pri) -> ch == channel);
    }

    /** Only the given category's part of this tally (a new tally). */
    public Tally category(Category category) {
        return part((ch, cat, pri) -> cat == category);
    }

    /** Only the given priority's part of this tally (a new tally). */
    public Tally priority(Priority priority) {
        return part((ch, cat, pri) -> pri == priority);
    }

    private interface CaseType {
        boolean test(Channel channel, Category category, Priority priority);
    }

    private Tally part(CaseType wanted) {
        Tally part = new Tally();
        forEach((ch, cat, pri, cell) -> {
            if (wanted.test(ch, cat, pri)) {
                part.cell(index(ch, cat, pri)).addAll(cell);
            }
        });
        return part;
    }

    /** Each case type the tally holds, in channel, category, priority order. */
    public void forEach(CellVisitor visitor) {
        for (Channel ch : Channel.values()) {
            for (Category cat : Category.values()) {
                for (Priority pri : Priority.values()) {
                    Cell c = cells[index(ch, cat, pri)];
                    if (c != null && (c.handled > 0 || c.owned > 0)) {
                        visitor.cell(ch, cat, pri, c);
                    }
                }
            }
        }
    }

    /** Contacts handled (the interactions of the agent, team or scope). */
    public int interactions() {
        int n = 0;
        for (Cell c : cells) {
            n += c == null ? 0 : c.handled;
        }
        return n;
    }

    public int interactions(Channel ch) {
        int[] n = {0};
        forEach((c, cat, pri, cell) -> n[0] += c == ch ? cell.handled : 0);
        return n[0];
    }

    /** Contacts owned. */
    public int owned() {
        int n = 0;
        for (Cell c : cells) {
            n += c == null ? 0 : c.owned;
        }
        return n;
    }

    /** Whether it holds no contact, handled or owned. */
    public boolean isEmpty() {
        for (Cell c : cells) {
            if (c != null && (c.handled > 0 || c.owned > 0)) {
                return false;
            }
        }
        return true;
    }

    /** First-response times of the answered contacts, in seconds on the channel's calendar (a merged copy). */
    public Durations firstResponses(Channel ch) {
        Durations d = new Durations(4);
        channelCells(ch, cell -> d.addAll(cell.firstResponses));
        return d;
    }

    /** Resolution times of the resolved contacts, in seconds on the channel's calendar (a merged copy). */
    public Durations resolutions(Channel ch) {
        Durations d = new Durations(4);
        channelCells(ch, cell -> d.addAll(cell.resolutions));
        return d;
    }

    /** Creation instants (epoch nanoseconds) of the contacts without a first response (a merged copy). */
    public LongList unanswered(Channel ch) {
        LongList l = new LongList(4);
        channelCells(ch, cell -> l.addAll(cell.unanswered));
        return l;
    }

    /** Creation instants (epoch nanoseconds) of the contacts not resolved (a merged copy). */
    public LongList unresolved(Channel ch) {
        LongList l = new LongList(4);
        channelCells(ch, cell -> l.addAll(cell.unresolved));
        return l;
    }

    private void channelCells(Channel channel, java.util.function.Consumer<Cell> action) {
        forEach((ch, cat, pri, cell) -> {
            if (ch == channel) {
                action.accept(cell);
            }
        });
    }

    /** How many ratings of {@code value} (1-10) the channel has. */
    public int ratings(Channel ch, int value) {
        int[] n = {0};
        forEach((c, cat, pri, cell) -> n[0] += c == ch ? cell.ratings[value] : 0);
        return n[0];
    }

    /**
     * The tally as compact bytes (how a day's tally is stored): the number of case types held, then for each its
     * index, its counts, each list sorted and written as variable-length deltas, and the rating counts.
     * {@link #decodeInto} reads them back exactly.
     */
    public byte[] encode() {
        VarBytes out = new VarBytes();
        out.write(FORMAT);
        int present = 0;
        for (Cell c : cells) {
            if (c != null && (c.handled > 0 || c.owned > 0)) {
                present++;
            }
        }
        out.writeUnsigned(present);
        for (int i = 0; i < CELLS; i++) {
            Cell c = cells[i];
            if (c == null || (c.handled == 0 && c.owned == 0)) {
                continue;
            }
            out.writeUnsigned(i);
            out.writeUnsigned(c.handled);
            out.writeUnsigned(c.owned);
            writeCounts(out, c.firstResponses);
            writeCounts(out, c.resolutions);
            writeSorted(out, c.unanswered);
            writeSorted(out, c.unresolved);
            int rated = 0;
            for (int r = 1; r <= 10; r++) {
                if (c.ratings[r] > 0) {
                    rated |= 1 << r;
                }
            }
            out.writeUnsigned(rated);
            for (int r = 1; r <= 10; r++) {
                if (c.ratings[r] > 0) {
                    out.writeUnsigned(c.ratings[r]);
                }
            }
            out.writeUnsigned(c.reopened);
            out.writeUnsigned(c.handedOver);
            out.writeUnsigned(c.received);
        }
        return out.toArray();
    }

    /** Adds the tally that {@link #encode} wrote to {@code target}. */
    public static void decodeInto(byte[] bytes, Tally target) {
        VarBytes.Reader in = new VarBytes.Reader(bytes);
        int format = in.read();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown tally format " + format + " (stored days of an older version are rebuilt)");
        }
        int present = (int) in.readUnsigned();
        for (int k = 0; k < present; k++) {
            int i = (int) in.readUnsigned();
            if (i < 0 || i >= CELLS) {
                throw new IllegalArgumentException("no case type " + i + " in a tally");
            }
            Cell c = target.cell(i);
            c.handled += (int) in.readUnsigned();
            c.owned += (int) in.readUnsigned();
            readCounts(in, c.firstResponses);
            readCounts(in, c.resolutions);
            readSorted(in, c.unanswered);
            readSorted(in, c.unresolved);
            int rated = (int) in.readUnsigned();
            for (int r = 1; r <= 10; r++) {
                if ((rated & (1 << r)) != 0) {
                    c.ratings[r] += (int) in.readUnsigned();
                }
            }
            c.reopened += (int) in.readUnsigned();
            c.handedOver += (int) in.readUnsigned();
            c.received += (int) in.readUnsigned();
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

    /** 2: per case type, with owners (1 was per channel). */
    public static final int FORMAT = 2;

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
