package com.servicecoach.scoring;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Training impact (metrics.md "Training impact"): the difference-in-differences of a figure around the day agents
 * first completed a module, against the agents who had not completed it, with its percentile bootstrap interval.
 * A plain function of the agents' daily counts and first completion days.
 */
public final class Impact {

    /** The default window w, in days. */
    public static final int DEFAULT_WINDOW = 28;
    /** Below this many qualifying trained agents there is not enough data. */
    public static final int MIN_TRAINED = 5;
    /** Bootstrap resamples. */
    public static final int RESAMPLES = 2000;

    private Impact() {
    }

    /**
     * What is analysed.
     *
     * @param from        first day of the analysed range (completion days in from..to)
     * @param to          last day of the analysed range
     * @param cutoff      the data cut-off: a trained agent enters only when d + w is not after it
     * @param window      w, in days
     * @param minRated    the fewest records in the figure's denominator in each window
     * @param seedCode    the module code, seeding the bootstrap
     */
    public record Question(LocalDate from, LocalDate to, LocalDate cutoff, int window, int minRated, String seedCode) {
    }

    /**
     * One trained agent as it entered: its figure before and after, its controls' mean change, and its difference.
     * Values are percentages, unrounded.
     */
    public record Trained(long agentId, LocalDate completedOn, BigDecimal before, BigDecimal after, int controls,
                          BigDecimal controlBefore, BigDecimal controlAfter, BigDecimal controlChange, BigDecimal difference) {
    }

    /**
     * The estimate: {@code effect}, {@code low} and {@code high} in points, unrounded, null when fewer than
     * {@value #MIN_TRAINED} trained agents qualify ({@code enough} false); the means before and after of the
     * trained agents and of their controls (each trained agent's controls averaged first), for the chart.
     */
    public record Estimate(boolean enough, @Nullable BigDecimal effect, @Nullable BigDecimal low, @Nullable BigDecimal high,
                           int trained, int controls, @Nullable BigDecimal trainedBefore, @Nullable BigDecimal trainedAfter,
                           @Nullable BigDecimal controlBefore, @Nullable BigDecimal controlAfter, List<Trained> agents) {
    }

    /**
     * @param rates       every agent's daily counts of the figure (agents without data may be absent)
     * @param firstCompletion each agent's first-ever completion day of the module (agents who never completed it absent)
     */
    public static Estimate estimate(Map<Long, DailyRates> rates, Map<Long, LocalDate> firstCompletion, Question q) {
        int w = q.window();
        List<Trained> trained = new ArrayList<>();
        Set<Long> controlsUsed = new HashSet<>();
        List<Long> agents = rates.keySet().stream().sorted().toList();
        Map<LocalDate, Controls> byDay = new java.util.HashMap<>();
        for (Long agent : firstCompletion.keySet().stream().sorted().toList()) {
            LocalDate d = firstCompletion.get(agent);
            if (d.isBefore(q.from()) || d.isAfter(q.to()) || d.plusDays(w).isAfter(q.cutoff())) {
                continue;
            }
            BigDecimal[] own = change(rates.get(agent), d, w, q.minRated());
            if (own == null) {
                continue;
            }
            Controls c = byDay.computeIfAbsent(d, day -> controls(rates, firstCompletion, agents, day, w, q.minRated()));
            if (c.used().isEmpty()) {
                continue;
            }
            BigDecimal controlBefore = c.before();
            BigDecimal controlAfter = c.after();
            BigDecimal controlChange = c.change();
            BigDecimal difference = own[1].subtract(own[0]).subtract(controlChange);
            trained.add(new Trained(agent, d, own[0], own[1], c.used().size(), controlBefore, controlAfter, controlChange, difference));
            controlsUsed.addAll(c.used());
        }
        if (trained.size() < MIN_TRAINED) {
            return new Estimate(false, null, null, null, trained.size(), controlsUsed.size(), null, null, null, null, trained);
        }
        BigDecimal[] differences = trained.stream().map(Trained::difference).toArray(BigDecimal[]::new);
        BigDecimal effect = mean(differences);
        BigDecimal[] interval = bootstrap(differences, q.seedCode());
        return new Estimate(true, effect, interval[0], interval[1], trained.size(), controlsUsed.size(),
                mean(trained.stream().map(Trained::before).toArray(BigDecimal[]::new)),
                mean(trained.stream().map(Trained::after).toArray(BigDecimal[]::new)),
                mean(trained.stream().map(Trained::controlBefore).toArray(BigDecimal[]::new)),
                mean(trained.stream().map(Trained::controlAfter).toArray(BigDecimal[]::new)), trained);
    }

    /** The controls of a completion day (the same for every agent who completed that day) and their mean figures. */
    private record Controls(List<Long> used, BigDecimal before, BigDecimal after, BigDecimal change) {
    }

    /** The agents with no completion on or before d + w whose windows around d qualify, and their mean before, after and change. */
    private static Controls controls(Map<Long, DailyRates> rates, Map<Long, LocalDate> firstCompletion, List<Long> agents,
                                     LocalDate d, int w, int minRated) {
        BigDecimal sumBefore = BigDecimal.ZERO;
        BigDecimal sumAfter = BigDecimal.ZERO;
        List<Long> used = new ArrayList<>();
        for (Long other : agents) {
            LocalDate theirs = firstCompletion.get(other);
            if (theirs != null && !theirs.isAfter(d.plusDays(w))) {
                continue;
            }
            BigDecimal[] c = change(rates.get(other), d, w, minRated);
            if (c != null) {
                sumBefore = sumBefore.add(c[0]);
                sumAfter = sumAfter.add(c[1]);
                used.add(other);
            }
        }
        if (used.isEmpty()) {
            return new Controls(used, null, null, null);
        }
        BigDecimal n = BigDecimal.valueOf(used.size());
        return new Controls(used, sumBefore.divide(n, MathContext.DECIMAL128), sumAfter.divide(n, MathContext.DECIMAL128),
                sumAfter.subtract(sumBefore).divide(n, MathContext.DECIMAL128));
    }

    /** The figure over d-w..d-1 and over d+1..d+w, or null when either window counts fewer than minRated records. */
    @Nullable
    static BigDecimal[] change(@Nullable DailyRates rates, LocalDate d, int w, int minRated) {
        if (rates == null) {
            return null;
        }
        DailyRates.Counts before = rates.window(d.minusDays(w), d.minusDays(1));
        DailyRates.Counts after = rates.window(d.plusDays(1), d.plusDays(w));
        if (before.counted() < minRated || after.counted() < minRated || before.counted() == 0 || after.counted() == 0) {
            return null;
        }
        return new BigDecimal[]{Percent.of(before.successes(), before.counted()), Percent.of(after.successes(), after.counted())};
    }

    /**
     * The percentile bootstrap 95% interval of the mean: {@value #RESAMPLES} resamples of the differences with
     * replacement, drawn by {@link Random} seeded with the module code's {@link String#hashCode()}, and the 50th and
     * 1,950th of the sorted resample means.
     */
    static BigDecimal[] bootstrap(BigDecimal[] differences, String seedCode) {
        Random random = new Random(seedCode.hashCode());
        int n = differences.length;
        BigDecimal[] means = new BigDecimal[RESAMPLES];
        BigDecimal size = BigDecimal.valueOf(n);
        for (int r = 0; r < RESAMPLES; r++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                sum = sum.add(differences[random.nextInt(n)]);
            }
            means[r] = sum.divide(size, MathContext.DECIMAL128);
        }
        Arrays.sort(means);
        return new BigDecimal[]{means[49], means[1949]};
    }

    private static BigDecimal mean(BigDecimal[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v);
        }
        return sum.divide(BigDecimal.valueOf(values.length), MathContext.DECIMAL128);
    }
}
