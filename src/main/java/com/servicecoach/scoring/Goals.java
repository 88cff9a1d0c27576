package com.servicecoach.scoring;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Coaching goals on a rate figure (issue 11): "CSAT on return and refund at least 80 % by a date". A goal names a
 * figure ({@link Gaps#FIRST_RESPONSE_SLA}, {@link Gaps#RESOLUTION_SLA} or {@link Gaps#CSAT}), optionally one
 * channel or one category, and a target percentage from 0 to 100 with at most one decimal. It is judged on the
 * figure as {@link Gaps#counted} counts it: {@code successes} of {@code n}.
 *
 * <p>The rule: a goal is reached when it has data ({@code n > 0}) and 100 × successes ≥ target × n, compared
 * exactly (83.33… against 83.3 is reached, 66.66… against 66.7 is not, although both show as the target).
 * With no data at all the goal is not reached: closed on its date it is missed, shown as missed for lack of data.
 */
public final class Goals {

    /** The figures a goal may be on, in the order forms list them. */
    public static final List<String> FIGURES = List.of(Gaps.FIRST_RESPONSE_SLA, Gaps.RESOLUTION_SLA, Gaps.CSAT);

    public static final String MET = "met";
    public static final String MISSED = "missed";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern TARGET = Pattern.compile("\\d{1,3}(\\.\\d)?");

    private Goals() {
    }

    /** Whether {@code successes} of {@code n} reach {@code target} percent: n > 0 and 100 × successes ≥ target × n. */
    public static boolean reached(long successes, long n, BigDecimal target) {
        if (n <= 0) {
            return false;
        }
        return BigDecimal.valueOf(successes).multiply(HUNDRED).compareTo(target.multiply(BigDecimal.valueOf(n))) >= 0;
    }

    /** A closed goal's outcome: {@link #MET} when {@link #reached}, else {@link #MISSED} (no data included). */
    public static String outcome(long successes, long n, BigDecimal target) {
        return reached(successes, n, target) ? MET : MISSED;
    }

    /**
     * A target as entered: a number from 0 to 100 with at most one decimal ("80", "80.5", "100.0"), kept with
     * one decimal (80.0); empty when it is anything else.
     */
    public static Optional<BigDecimal> target(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!TARGET.matcher(t).matches()) {
            return Optional.empty();
        }
        BigDecimal v = new BigDecimal(t).setScale(1);
        return v.compareTo(HUNDRED) > 0 ? Optional.empty() : Optional.of(v);
    }

    /** Whether {@code code} is a figure a goal may be on. */
    public static boolean figure(@Nullable String code) {
        return code != null && FIGURES.contains(code);
    }

    /** A goal's slice: {@code kind} "channel" or "category", and the code. */
    public record Slice(String kind, String code) {
    }

    /**
     * The slice a code names, trimmed and case-insensitive: a {@link Channel} or a {@link Category} (their codes do
     * not overlap); empty when it is neither.
     */
    public static Optional<Slice> slice(@Nullable String code) {
        Optional<Slice> channel = Channel.fromCode(code).map(c -> new Slice("channel", c.code()));
        return channel.isPresent() ? channel : Category.fromCode(code).map(c -> new Slice("category", c.code()));
    }
}
