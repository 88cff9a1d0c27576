package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The figures of a scorecard before rounding: same shape as {@link Scorecard}, with the percentages,
 * the average rating and the composite unrounded (metrics.md, "Rounding": rounded only when shown). Rank
 * orders and the composite use these.
 */
public record ScorecardFigures(
        LocalDate from,
        LocalDate to,
        int interactions,
        int responded,
        int resolved,
        int rated,
        Long frtMedianSeconds,
        Long frtP90Seconds,
        Long resolutionMedianSeconds,
        Long resolutionP90Seconds,
        SlaSummary firstResponseSla,
        SlaSummary resolutionSla,
        BigDecimal csatPercent,
        BigDecimal csatLow95,
        BigDecimal csatHigh95,
        BigDecimal averageRating,
        RatingBands bands,
        boolean insufficientRatings,
        BigDecimal knowledgePercent,
        Composite.Result composite) {

    /** The scorecard as shown: ratios of counts rounded from the exact rational, the rest from the unrounded value. */
    public Scorecard rounded() {
        return new Scorecard(from, to, interactions, responded, resolved, rated,
                frtMedianSeconds, frtP90Seconds, resolutionMedianSeconds, resolutionP90Seconds,
                firstResponseSla.rounded(), resolutionSla.rounded(),
                Rounding.percent(bands.satisfiedOrBetter(), rated),
                Rounding.percent(csatLow95), Rounding.percent(csatHigh95),
                Rounding.rating(averageRating),
                bands, insufficientRatings, Rounding.percent(knowledgePercent), composite.rounded(), null);
    }
}
