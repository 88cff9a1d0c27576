package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Computes a scorecard from the interactions of a period, following metrics.md: durations on the channel's
 * calendar ("Durations"), nearest-rank percentiles ("Percentiles"), SLA states against the evaluation
 * instant ("Service level"), CSAT %, Wilson interval, average and bands ("Customer ratings") and the
 * composite ("Composite score").
 *
 * <p>The caller passes only the interactions of the period (created_at, as a date in the organization's
 * zone, within from..to), as raw facts or as a {@link Tally} merged from stored days; they are not filtered
 * here. Durations are merged as distinct values with counts, whose nearest-rank percentiles are exact.
 */
public final class ScorecardCalculator {

    /** Component names of the composite, in this order. */
    public static final String RESPONSIVENESS = "responsiveness";
    public static final String RESOLUTION = "resolution";
    public static final String SATISFACTION = "satisfaction";
    public static final String KNOWLEDGE = "knowledge";
    /** QA score %: a component only while its weight is above 0. */
    public static final String QUALITY = "quality";

    private ScorecardCalculator() {
    }

    /** The rounded scorecard, as serialized. */
    public static Scorecard compute(List<InteractionFacts> facts, LocalDate from, LocalDate to,
                                    ScoringSettings settings, BigDecimal knowledgePercent, Instant now) {
        return figures(facts, from, to, settings, knowledgePercent, now).rounded();
    }

    /** The unrounded figures of the scorecard. */
    public static ScorecardFigures figures(List<InteractionFacts> facts, LocalDate from, LocalDate to,
                                           ScoringSettings settings, BigDecimal knowledgePercent, Instant now) {
        Objects.requireNonNull(facts, "facts are required");
        Objects.requireNonNull(settings, "settings are required");
        return figures(Tally.of(facts, settings), from, to, settings, knowledgePercent, now);
    }

    /** The rounded scorecard of a tally, as serialized. */
    public static Scorecard compute(Tally tally, LocalDate from, LocalDate to, ScoringSettings settings,
                                    BigDecimal knowledgePercent, Instant now) {
        return figures(tally, from, to, settings, knowledgePercent, now).rounded();
    }

    /**
     * The unrounded figures of a tally of the period's interactions: durations are already measured on
     * the channels' calendars; the targets and the evaluation instant are applied here.
     */
    public static ScorecardFigures figures(Tally tally, LocalDate from, LocalDate to, ScoringSettings settings,
                                           BigDecimal knowledgePercent, Instant now) {
        return figures(tally, from, to, settings, knowledgePercent, null, now);
    }

    /**
     * {@link #figures(Tally, LocalDate, LocalDate, ScoringSettings, BigDecimal, Instant)} with the QA score % of the
     * same agents and period (null: no review counts), which joins the composite as {@code quality} when weighted.
     */
    public static ScorecardFigures figures(Tally tally, LocalDate from, LocalDate to, ScoringSettings settings,
                                           BigDecimal knowledgePercent, BigDecimal qualityPercent, Instant now) {
        Objects.requireNonNull(tally, "tally is required");
        Objects.requireNonNull(from, "from is required");
        Objects.requireNonNull(to, "to is required");
        Objects.requireNonNull(settings, "settings are required");
        Objects.requireNonNull(now, "now is required");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        Instant evaluation = Sla.evaluationInstant(to, settings.orgZone(), now);

        Durations frts = new Durations();
        Durations resolutions = new Durations();
        int[] frtStates = new int[3];
        int[] resolutionStates = new int[3];
        int[] bandCounts = new int[RatingBand.values().length];

        long[] ratingSums = {0};
        tally.forEach((c, category, priority, cell) -> {
            frts.addAll(cell.firstResponses());
            resolutions.addAll(cell.resolutions());
            classify(cell, c, category, priority, settings, evaluation, frtStates, resolutionStates);

            for (int r = 1; r <= 10; r++) {
                int count = cell.ratings(r);
                bandCounts[RatingBand.of(r).ordinal()] += count;
                ratingSums[0] += (long) r * count;
            }
        });
        long ratingSum = ratingSums[0];
        int responded = (int) frts.size();
        int resolved = (int) resolutions.size();

        RatingBands bands = new RatingBands(bandCounts[0], bandCounts[1], bandCounts[2], bandCounts[3], bandCounts[4]);
        int rated = bands.total();
        SlaSummary frtSla = summary(frtStates);
        SlaSummary resolutionSla = summary(resolutionStates);
        BigDecimal csat = Percent.of(bands.satisfiedOrBetter(), rated);
        Wilson wilson = Wilson.interval(bands.satisfiedOrBetter(), rated).orElse(null);
        BigDecimal average = rated == 0 ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(rated), MathContext.DECIMAL128);

        ScoringSettings.Weights w = settings.weights();
        // a component whose weight is 0 is left out of the components (metrics.md): quality is, by default
        Composite.Result composite = Composite.of(java.util.stream.Stream.of(
                new Composite.Component(RESPONSIVENESS, frtSla.percent(), w.responsiveness()),
                new Composite.Component(RESOLUTION, resolutionSla.percent(), w.resolution()),
                new Composite.Component(SATISFACTION, csat, w.satisfaction()),
                new Composite.Component(KNOWLEDGE, knowledgePercent, w.knowledge()),
                new Composite.Component(QUALITY, qualityPercent, w.quality())).filter(c -> c.weight() > 0).toList());

        return new ScorecardFigures(from, to, tally.interactions(), responded, resolved, rated,
                frts.percentile(50), frts.percentile(90), resolutions.percentile(50), resolutions.percentile(90),
                frtSla, resolutionSla,
                csat, wilson == null ? null : wilson.low(), wilson == null ? null : wilson.high(), average,
                bands, rated < settings.minRated(), knowledgePercent, composite);
    }

    /** One case type's SLA states (met, breached, pending by {@link SlaState} ordinal) against its own targets. */
    private static void classify(Tally.Cell cell, Channel c, Category category, Priority priority, ScoringSettings settings,
                                 Instant evaluation, int[] frtStates, int[] resolutionStates) {
        BusinessCalendar calendar = settings.calendar(c);
        CaseTargets.Applied targets = settings.targets(c, category, priority);
        long frtTarget = targets.firstResponse().seconds();
        long resolutionTarget = targets.resolution().seconds();
        Durations answered = cell.firstResponses();
        int frtMet = (int) answered.countAtMost(frtTarget);
        frtStates[SlaState.MET.ordinal()] += frtMet;
        frtStates[SlaState.BREACHED.ordinal()] += (int) answered.size() - frtMet;
        classifyOpen(cell.unanswered(), calendar, evaluation, frtTarget, frtStates);
        Durations done = cell.resolutions();
        int resolutionMet = (int) done.countAtMost(resolutionTarget);
        resolutionStates[SlaState.MET.ordinal()] += resolutionMet;
        resolutionStates[SlaState.BREACHED.ordinal()] += (int) done.size() - resolutionMet;
        classifyOpen(cell.unresolved(), calendar, evaluation, resolutionTarget, resolutionStates);
    }

    /** The SLA of one category or priority: contacts handled and resolved, and both SLA summaries (unrounded). */
    public record CaseSla(int interactions, int resolved, SlaSummary firstResponseSla, SlaSummary resolutionSla) {
    }

    /**
     * The SLA by category and by priority (in their order, those with contacts only), each contact against its own
     * targets: the same states as {@link #figures}, counted in one pass over the tally's case types without copying it.
     */
    public static java.util.Map<Object, CaseSla> caseSlas(Tally tally, LocalDate to, ScoringSettings settings, Instant now,
                                                          boolean byCategory) {
        Instant evaluation = Sla.evaluationInstant(to, settings.orgZone(), now);
        java.util.Map<Object, int[][]> states = new java.util.TreeMap<>(java.util.Comparator.comparingInt(k -> ((Enum<?>) k).ordinal()));
        tally.forEach((c, category, priority, cell) -> {
            int[][] s = states.computeIfAbsent(byCategory ? category : priority, k -> new int[][]{new int[3], new int[3], new int[2]});
            classify(cell, c, category, priority, settings, evaluation, s[0], s[1]);
            s[2][0] += cell.handled();
            s[2][1] += (int) cell.resolutions().size();
        });
        java.util.Map<Object, CaseSla> out = new java.util.LinkedHashMap<>();
        states.forEach((k, s) -> {
            if (s[2][0] > 0 || s[1][0] + s[1][1] + s[1][2] > 0) {
                out.put(k, new CaseSla(s[2][0], s[2][1], summary(s[0]), summary(s[1])));
            }
        });
        return out;
    }

    /** Contacts not yet done: breached once their calendar time to the evaluation instant exceeds the target, else pending. */
    private static void classifyOpen(LongList createdNanos, BusinessCalendar calendar, Instant evaluation, long target,
                                     int[] states) {
        for (int i = 0; i < createdNanos.size(); i++) {
            long seconds = calendar.openSeconds(Tally.instant(createdNanos.get(i)), evaluation);
            states[Sla.classify(false, seconds, target).ordinal()]++;
        }
    }

    private static SlaSummary summary(int[] states) {
        return SlaSummary.of(states[SlaState.MET.ordinal()], states[SlaState.BREACHED.ordinal()],
                states[SlaState.PENDING.ordinal()]);
    }
}
