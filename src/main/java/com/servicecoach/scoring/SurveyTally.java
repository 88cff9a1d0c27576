package com.servicecoach.scoring;

import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact, mergeable survey counts of some contacts (an agent's day, an agent's period, a team's): per channel and
 * category, the surveys sent, returned and complete, and per dimension the number of answers of each score 1-10.
 * Survey figures ({@link SurveyFigures}) are computed from these counts overall, for one channel or for one category,
 * so that a period's figures add up stored days instead of reading every answer.
 */
public final class SurveyTally {

    /** The counts of one channel and category. */
    private static final class Slice {
        long sent;
        long returned;
        long complete;
        final Map<String, long[]> scores = new TreeMap<>();
    }

    /** By "channel\u0000category". */
    private final Map<String, Slice> slices = new TreeMap<>();

    /**
     * Adds one contact's survey: it was sent (a link or a response), whether it was returned and complete, and its
     * answers (dimension code to score 1-10).
     */
    public void add(String channel, String category, boolean returned, boolean complete, Map<String, Integer> answers) {
        Slice s = slices.computeIfAbsent(channel + '\u0000' + category, k -> new Slice());
        s.sent++;
        if (returned) {
            s.returned++;
            if (complete) {
                s.complete++;
            }
        }
        answers.forEach((dimension, score) -> {
            if (score < 1 || score > 10) {
                throw new IllegalArgumentException("a survey score is 1-10, was " + score);
            }
            s.scores.computeIfAbsent(dimension, k -> new long[11])[score]++;
        });
    }

    /** Adds {@code n} answers of {@code score} to a dimension of one channel and category (counts read in bulk). */
    public void addScores(String channel, String category, String dimension, int score, long n) {
        if (score < 1 || score > 10 || n < 0) {
            throw new IllegalArgumentException("a survey score is 1-10 counted n >= 0 times, was " + score + " x " + n);
        }
        slices.computeIfAbsent(channel + '\u0000' + category, k -> new Slice()).scores
                .computeIfAbsent(dimension, k -> new long[11])[score] += n;
    }

    /** Adds surveys sent, returned and complete to one channel and category (counts read in bulk). */
    public void addRates(String channel, String category, long sent, long returned, long complete) {
        if (complete > returned || returned > sent) {
            throw new IllegalArgumentException("need complete <= returned <= sent");
        }
        Slice s = slices.computeIfAbsent(channel + '\u0000' + category, k -> new Slice());
        s.sent += sent;
        s.returned += returned;
        s.complete += complete;
    }

    /** Adds every count of another tally to this one. */
    public void addAll(SurveyTally other) {
        other.slices.forEach((key, o) -> {
            Slice s = slices.computeIfAbsent(key, k -> new Slice());
            s.sent += o.sent;
            s.returned += o.returned;
            s.complete += o.complete;
            o.scores.forEach((d, c) -> {
                long[] mine = s.scores.computeIfAbsent(d, k -> new long[11]);
                for (int i = 1; i <= 10; i++) {
                    mine[i] += c[i];
                }
            });
        });
    }

    public boolean isEmpty() {
        return slices.isEmpty();
    }

    /** The score counts per dimension of one channel or one category or both (null: any). */
    public Map<String, long[]> scores(@Nullable String channel, @Nullable String category) {
        Map<String, long[]> out = new HashMap<>();
        slices.forEach((key, s) -> {
            if (matches(key, channel, category)) {
                s.scores.forEach((d, c) -> {
                    long[] sum = out.computeIfAbsent(d, k -> new long[11]);
                    for (int i = 1; i <= 10; i++) {
                        sum[i] += c[i];
                    }
                });
            }
        });
        return out;
    }

    /** Sent, returned and complete (indexes 0, 1, 2) of one channel or one category or both (null: any). */
    public long[] rates(@Nullable String channel, @Nullable String category) {
        long[] out = new long[3];
        slices.forEach((key, s) -> {
            if (matches(key, channel, category)) {
                out[0] += s.sent;
                out[1] += s.returned;
                out[2] += s.complete;
            }
        });
        return out;
    }

    /** The channels and categories that have counts, as [channel, category] pairs. */
    public java.util.List<String[]> slices() {
        return slices.keySet().stream().map(k -> k.split("\u0000", 2)).toList();
    }

    /** The figures of the counts, overall or on one slice, for the survey's dimensions. */
    public SurveyFigures figures(java.util.List<SurveyFigures.Dimension> dimensions, @Nullable String channel, @Nullable String category) {
        long[] r = rates(channel, category);
        return SurveyFigures.of(dimensions, scores(channel, category), r[0], r[1], r[2]);
    }

    private static boolean matches(String key, @Nullable String channel, @Nullable String category) {
        int cut = key.indexOf('\u0000');
        return (channel == null || key.substring(0, cut).equals(channel)) && (category == null || key.substring(cut + 1).equals(category));
    }

    // ---- storage --------------------------------------------------------------------------------------------

    private static final int FORMAT = 1;

    /** The counts as bytes (format 1: slices, each with its rates and per dimension the non-zero score counts). */
    public byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + slices.size() * 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT);
            out.writeInt(slices.size());
            for (Map.Entry<String, Slice> e : slices.entrySet()) {
                Slice s = e.getValue();
                out.writeUTF(e.getKey());
                out.writeLong(s.sent);
                out.writeLong(s.returned);
                out.writeLong(s.complete);
                out.writeInt(s.scores.size());
                for (Map.Entry<String, long[]> d : s.scores.entrySet()) {
                    out.writeUTF(d.getKey());
                    int nonZero = 0;
                    for (int i = 1; i <= 10; i++) {
                        nonZero += d.getValue()[i] == 0 ? 0 : 1;
                    }
                    out.writeByte(nonZero);
                    for (int i = 1; i <= 10; i++) {
                        if (d.getValue()[i] != 0) {
                            out.writeByte(i);
                            out.writeLong(d.getValue()[i]);
                        }
                    }
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counts {@link #encode} wrote. */
    public static SurveyTally decode(byte[] data) {
        SurveyTally t = new SurveyTally();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown survey tally format " + format);
            }
            int slices = in.readInt();
            for (int k = 0; k < slices; k++) {
                Slice s = new Slice();
                String key = in.readUTF();
                s.sent = in.readLong();
                s.returned = in.readLong();
                s.complete = in.readLong();
                int dims = in.readInt();
                for (int d = 0; d < dims; d++) {
                    String dim = in.readUTF();
                    long[] c = new long[11];
                    int nonZero = in.readByte();
                    for (int i = 0; i < nonZero; i++) {
                        int score = in.readByte();
                        c[score] = in.readLong();
                    }
                    s.scores.put(dim, c);
                }
                t.slices.put(key, s);
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored survey tally cannot be read", e);
        }
    }
}
