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
 * zone, within from..to); they are not filtered here. One pass over the facts; durations go to primitive
 * arrays, whose percentiles are found by selection rather than a full sort.
 */
public final class ScorecardCalculator {

    /** Component names of the composite, in this order. */
    public static final String RESPONSIVENESS = "responsiveness";
    public static final String RESOLUTION = "resolution";
    public static final String SATISFACTION = "satisfaction";
    public static final String KNOWLEDGE = "knowledge";

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
        Objects.requireNonNull(from, "from is required");
        Objects.requireNonNull(to, "to is required");
        Objects.requireNonNull(settings, "settings are required");
        Objects.requireNonNull(now, "now is required");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        Instant evaluation = Sla.evaluationInstant(to, settings.orgZone(), now);

        Channel[] channels = Channel.values();
        BusinessCalendar[] calendars = new BusinessCalendar[channels.length];
        long[] frtTargets = new long[channels.length];
        long[] resolutionTargets = new long[channels.length];
        for (Channel channel : channels) {
            calendars[channel.ordinal()] = settings.calendar(channel);
            frtTargets[channel.ordinal()] = settings.targets(channel).firstResponseSeconds();
            resolutionTargets[channel.ordinal()] = settings.targets(channel).resolutionSeconds();
        }

        int n = facts.size();
        long[] frts = new long[n];
        long[] resolutions = new long[n];
        int responded = 0;
        int resolved = 0;
        int[] frtStates = new int[3];
        int[] resolutionStates = new int[3];
        int[] bandCounts = new int[RatingBand.values().length];
        long ratingSum = 0;

        for (InteractionFacts f : facts) {
            int c = f.channel().ordinal();
            BusinessCalendar calendar = calendars[c];
            Instant created = f.createdAt();

            Instant firstResponse = f.firstResponseAt();
            long frt = calendar.openSeconds(created, firstResponse != null ? firstResponse : evaluation);
            if (firstResponse != null) {
                frts[responded++] = frt;
            }
            frtStates[Sla.classify(firstResponse != null, frt, frtTargets[c]).ordinal()]++;

            Instant resolvedAt = f.resolvedAt();
            long resolution = calendar.openSeconds(created, resolvedAt != null ? resolvedAt : evaluation);
            if (resolvedAt != null) {
                resolutions[resolved++] = resolution;
            }
            resolutionStates[Sla.classify(resolvedAt != null, resolution, resolutionTargets[c]).ordinal()]++;

            Integer rating = f.rating10();
            if (rating != null) {
                bandCounts[RatingBand.of(rating).ordinal()]++;
                ratingSum += rating;
            }
        }

        RatingBands bands = new RatingBands(bandCounts[0], bandCounts[1], bandCounts[2], bandCounts[3], bandCounts[4]);
        int rated = bands.total();
        SlaSummary frtSla = summary(frtStates);
        SlaSummary resolutionSla = summary(resolutionStates);
        BigDecimal csat = Percent.of(bands.satisfiedOrBetter(), rated);
        Wilson wilson = Wilson.interval(bands.satisfiedOrBetter(), rated).orElse(null);
        BigDecimal average = rated == 0 ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(rated), MathContext.DECIMAL128);

        ScoringSettings.Weights w = settings.weights();
        Composite.Result composite = Composite.of(List.of(
                new Composite.Component(RESPONSIVENESS, frtSla.percent(), w.responsiveness()),
                new Composite.Component(RESOLUTION, resolutionSla.percent(), w.resolution()),
                new Composite.Component(SATISFACTION, csat, w.satisfaction()),
                new Composite.Component(KNOWLEDGE, knowledgePercent, w.knowledge())));

        return new ScorecardFigures(from, to, n, responded, resolved, rated,
                Percentiles.nearestRankInPlace(frts, responded, 50),
                Percentiles.nearestRankInPlace(frts, responded, 90),
                Percentiles.nearestRankInPlace(resolutions, resolved, 50),
                Percentiles.nearestRankInPlace(resolutions, resolved, 90),
                frtSla, resolutionSla,
                csat, wilson == null ? null : wilson.low(), wilson == null ? null : wilson.high(), average,
                bands, rated < settings.minRated(), knowledgePercent, composite);
    }

    private static SlaSummary summary(int[] states) {
        return SlaSummary.of(states[SlaState.MET.ordinal()], states[SlaState.BREACHED.ordinal()],
                states[SlaState.PENDING.ordinal()]);
    }
}
